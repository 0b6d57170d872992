# bastion-fixture: app/controllers/posts_controller.rb
class PostsController < ApplicationController
  def index
    @rows = Post.where(published: true).map do |post|
# expect: n-plus-one-query
      [post.title, post.comments.count]
    end
  end
end
