# bastion-fixture: app/controllers/admin/addresses_controller.rb
# ok: path-traversal
class Admin::AddressesController < Admin::BaseController
  def show
    @address_type = params[:type]
    render component("orders/show/address").new(order: @order, type: @address_type)
  end

  def search
    @users = User.ransack(params[:q]).result.limit(10)
    render component("orders/customer_search/result").with_collection(@users, query: params[:q]), layout: false
  end
end
