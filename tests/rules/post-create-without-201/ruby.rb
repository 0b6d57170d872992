# bastion-fixture: app/controllers/api/items_controller.rb
class Api::ItemsController < ApplicationController
  def create
    item = Item.create!(params.require(:item).permit(:name))
# expect: post-create-without-201
    render json: item
  end
end
