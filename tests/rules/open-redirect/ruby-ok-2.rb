# bastion-fixture: app/controllers/articles_controller.rb
# ok: open-redirect
class ArticlesController < ApplicationController
  def show
    # The slug selects a record; the URL comes from the record.
    article = Article.where(slug: params[:slug]).first!
    redirect_to article.canonical_url, allow_other_host: true
  end

  def mirror
    site = Site.find_by(host: request.host)
    redirect_to site.home_url, allow_other_host: true
  end
end
