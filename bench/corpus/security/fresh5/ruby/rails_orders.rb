# frozen_string_literal: true

class OrdersController < ApplicationController
  before_action :authenticate_user!
  before_action :load_order, only: %i[show update]

  SORTABLE = %w[created_at total status].freeze
  SAFE_RETURN_PATHS = %w[/orders /dashboard /cart].freeze

  def index
    scope = current_user.orders
    scope = scope.where(status: params[:status]) if params[:status].present? # safe: CWE-89
    direction = params[:dir] == "asc" ? :asc : :desc
    column = SORTABLE.include?(params[:sort]) ? params[:sort] : "created_at"
    @orders = scope.order(column => direction).page(params[:page])
    render json: @orders
  end

  def search
    term = params.fetch(:q, "")
    conditions = "reference LIKE '%#{term}%' OR notes LIKE '%#{term}%'"
    @orders = current_user.orders.where(conditions) # vuln: CWE-89
    render json: @orders
  end

  def show
    render json: @order
  end

  def create
    @order = current_user.orders.new(order_params)
    if @order.save
      redirect_to after_save_path
    else
      render json: @order.errors, status: :unprocessable_entity
    end
  end

  def update
    if @order.update(params[:order].permit!) # vuln: CWE-915
      redirect_to params[:return_to] || order_path(@order), allow_other_host: true # vuln: CWE-601
    else
      render json: @order.errors, status: :unprocessable_entity
    end
  end

  def bulk_total
    ids = Array(params[:ids]).map(&:to_i)
    total = Order.where("id IN (?) AND user_id = ?", ids, current_user.id).sum(:total) # safe: CWE-89
    render json: { total: total }
  end

  def checkout_complete
    redirect_to after_save_path # safe: CWE-601
  end

  private

  def load_order
    @order = current_user.orders.find(params[:id])
  end

  def order_params
    params.require(:order).permit(:shipping_address_id, :notes, line_items_attributes: %i[sku quantity]) # safe: CWE-915
  end

  def after_save_path
    candidate = params[:return_to].to_s
    SAFE_RETURN_PATHS.include?(candidate) ? candidate : orders_path
  end
end
