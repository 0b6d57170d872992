# bastion-fixture: app/controllers/api/items_controller.rb
class Api::ItemsController < ApplicationController
  def show
    item = Item.find(params[:id])
# expect: get-handler-writes
    item.update!(opened: true)
    render json: item
  end
end
