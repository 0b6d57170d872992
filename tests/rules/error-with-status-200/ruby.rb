# bastion-fixture: app/controllers/api/items_controller.rb
class Api::ItemsController < ApplicationController
  def show
    item = Item.find_by(id: params[:id])
# expect: error-with-status-200
    return render json: { error: 'not found' } if item.nil?
    render json: item
  end
end
