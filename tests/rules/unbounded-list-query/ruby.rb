# bastion-fixture: app/controllers/api/products_controller.rb
class Api::ProductsController < ApplicationController
  def index
# expect: unbounded-list-query
    render json: Product.all
  end
end
