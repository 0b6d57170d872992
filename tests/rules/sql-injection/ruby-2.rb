# bastion-fixture: app/controllers/articles_controller.rb
class ArticlesController < ApplicationController
  # An array's first element is where-style SQL text: input spliced into it is SQL.
  def taken
# expect: sql-injection
    taken = Article.exists?(["slug = '#{params[:slug]}'"])
    filter = ["title LIKE '%" + params[:q] + "%'"]
# expect: sql-injection
    render json: { taken: taken, any: Article.exists?(filter) }
  end
end
