# bastion-fixture: app/controllers/api/items_controller.rb
# ok: delete-with-body
class Api::ItemsController < ApplicationController
  def destroy
    Item.find(params[:id]).destroy!
    head :no_content
  end
end
