# bastion-fixture: app/controllers/api/items_controller.rb
class Api::ItemsController < ApplicationController
  def destroy
# expect: delete-with-body
    ids = JSON.parse(request.body.read)['ids']
    Item.where(id: ids).destroy_all
    head :no_content
  end
end
