# bastion-fixture: app/controllers/api/items_controller.rb
# ok: error-with-status-200
class Api::ItemsController < ApplicationController
  def show
    item = Item.find_by(id: params[:id])
    return render json: { error: 'not found' }, status: :not_found if item.nil?
    render json: item
  end
end
