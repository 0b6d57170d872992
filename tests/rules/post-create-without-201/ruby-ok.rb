# bastion-fixture: app/controllers/api/items_controller.rb
# ok: post-create-without-201
class Api::ItemsController < ApplicationController
  def create
    item = Item.create!(params.require(:item).permit(:name))
    render json: item, status: :created
  end
end
