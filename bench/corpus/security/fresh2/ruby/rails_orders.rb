# app/controllers/orders_controller.rb
class OrdersController < ApplicationController
  before_action :authenticate_user!
  before_action :set_order, only: %i[show update cancel]

  SORT_COLUMNS = {
    "date" => "orders.created_at",
    "total" => "orders.total_cents",
    "status" => "orders.status"
  }.freeze

  def index
    scope = current_user.orders.includes(:line_items)
    scope = scope.where("orders.status = ?", params[:status]) if params[:status].present? # safe: CWE-89
    order_by = SORT_COLUMNS.fetch(params[:sort], "orders.created_at")
    direction = params[:dir] == "asc" ? "ASC" : "DESC"
    @orders = scope.order(Arel.sql("#{order_by} #{direction}")).page(params[:page])
    respond_to do |format|
      format.html
      format.json { render json: @orders }
    end
  end

  def search
    term = params[:q].to_s.strip
    conditions = "orders.reference LIKE '%#{term}%' OR customers.email LIKE '%#{term}%'"
    @orders = current_user.orders.joins(:customer).where(conditions).limit(50) # vuln: CWE-89
    render :index
  end

  def show
  end

  def create
    @order = current_user.orders.new(order_params)
    if @order.save
      redirect_to @order, notice: "Order created"
    else
      render :new, status: :unprocessable_entity
    end
  end

  def update
    @order.assign_attributes(params.require(:order).permit!) # vuln: CWE-915
    if @order.save
      redirect_to after_update_path, notice: "Order updated"
    else
      render :edit, status: :unprocessable_entity
    end
  end

  def cancel
    @order.update!(status: "cancelled", cancelled_at: Time.current)
    redirect_to params[:return_to] || orders_path, allow_other_host: true # vuln: CWE-601
  end

  private

  def set_order
    @order = current_user.orders.find(params[:id])
  end

  def order_params
    params.require(:order).permit(:shipping_address_id, :notes, line_items_attributes: %i[sku quantity]) # safe: CWE-915
  end

  def after_update_path
    return order_path(@order) if params[:from].blank?

    url_from(params[:from]) || order_path(@order)
  end
end
