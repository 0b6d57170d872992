# frozen_string_literal: true

class OrdersController < ApplicationController
  before_action :authenticate_user!
  before_action :load_order, only: %i[show update complete]

  SORT_COLUMNS = %w[created_at total status].freeze
  RETURN_PATHS = {
    "cart" => "/cart",
    "account" => "/account/orders",
    "home" => "/"
  }.freeze

  def index
    scope = current_user.orders.includes(:line_items)
    scope = scope.where(status: params[:status]) if params[:status].present?
    column = SORT_COLUMNS.include?(params[:sort]) ? params[:sort] : "created_at"
    @orders = scope.order(column => :desc).page(params[:page])
    render json: @orders
  end

  def search
    term = params[:q].to_s.strip
    conditions = "user_id = #{current_user.id}"
    conditions += " AND (reference LIKE '%#{term}%' OR notes LIKE '%#{term}%')" unless term.empty?
    @orders = Order.where(conditions).limit(50)  # vuln: CWE-89
    render json: @orders
  end

  def by_coupon
    code = params[:coupon].to_s.upcase
    @orders = current_user.orders
                          .joins(:coupon)
                          .where("coupons.code = ? AND orders.created_at > ?", code, 90.days.ago)  # safe: CWE-89
    render json: @orders
  end

  def show
    render json: @order.as_json(include: :line_items)
  end

  def create
    @order = current_user.orders.new(order_params)
    if @order.save
      redirect_to order_path(@order)
    else
      render json: { errors: @order.errors.full_messages }, status: :unprocessable_entity
    end
  end

  def update
    attrs = params.require(:order).permit!  # vuln: CWE-915
    if @order.update(attrs)
      render json: @order
    else
      render json: { errors: @order.errors.full_messages }, status: :unprocessable_entity
    end
  end

  def complete
    @order.complete!
    flash[:notice] = "Order #{@order.reference} completed"
    destination = params[:return_to].presence || orders_path
    redirect_to destination, allow_other_host: true  # vuln: CWE-601
  end

  def cancel
    order = current_user.orders.find(params[:id])
    order.cancel!
    target = RETURN_PATHS.fetch(params[:back].to_s, "/account/orders")
    redirect_to target  # safe: CWE-601
  end

  private

  def load_order
    @order = current_user.orders.find(params[:id])
  end

  def order_params
    params.require(:order).permit(:shipping_address_id, :notes, line_items_attributes: %i[product_id quantity])
  end
end
