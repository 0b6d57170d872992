# bastion-fixture: app/controllers/posts_controller.rb
# ok: n-plus-one-query
class PostsController < ApplicationController
  def index
    @rows = Post.includes(:comments).where(published: true).map do |post|
      [post.title, post.comments.count]
    end
  end
end
