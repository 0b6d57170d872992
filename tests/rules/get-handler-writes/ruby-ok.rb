# bastion-fixture: app/controllers/api/items_controller.rb
# ok: get-handler-writes
class Api::ItemsController < ApplicationController
  def show
    item = Item.find(params[:id])
    current_user.update_column(:last_seen_at, Time.current)
    render json: item
  end
end
