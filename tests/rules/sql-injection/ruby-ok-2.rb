# bastion-fixture: app/controllers/articles_controller.rb
# ok: sql-injection
class ArticlesController < ApplicationController
  # `exists?` with a String or an Integer looks up the primary key (a bound value);
  # a hash or an array with `?` binds the input too.
  def jump
    ref = params.fetch(:ref, "")
    if ref.match?(/\A\d+\z/) && Article.published.exists?(ref)
      redirect_to article_path(ref)
    end
    head :ok if Article.exists?(params[:id])
    head :ok if Article.exists?(slug: params[:slug])
    head :ok if Article.exists?(["slug = ? AND draft = ?", params[:slug], false])
  end
end
