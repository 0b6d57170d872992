# bastion-fixture: app/controllers/api/products_controller.rb
# ok: unbounded-list-query
class Api::ProductsController < ApplicationController
  def index
    render json: Product.order(:id).page(params[:page])
  end
end
