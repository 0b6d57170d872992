# frozen_string_literal: true

class OrdersController < ApplicationController
  before_action :authenticate_user!
  before_action :set_order, only: %i[show edit update]

  SORTABLE = {
    "created" => "orders.created_at",
    "total" => "orders.total_cents",
    "status" => "orders.status"
  }.freeze

  def index
    scope = current_account.orders.includes(:customer)
    scope = scope.where(status: params[:status]) if params[:status].present? # safe: CWE-89
    if params[:q].present?
      term = params[:q].strip
      scope = scope.where("orders.reference LIKE '%#{term}%' OR customers.email LIKE '%#{term}%'").references(:customers) # vuln: CWE-89
    end
    sort_column = SORTABLE.fetch(params[:sort].to_s, "orders.created_at")
    direction = params[:dir] == "asc" ? "ASC" : "DESC"
    @orders = scope.order(Arel.sql("#{sort_column} #{direction}")).page(params[:page]) # safe: CWE-89

    respond_to do |format|
      format.html
      format.json { render json: @orders.as_json(only: %i[id reference status total_cents]) }
    end
  end

  def daily_report
    from = params.require(:from)
    to = params.require(:to)
    sql = <<~SQL
      SELECT DATE(created_at) AS day, COUNT(*) AS order_count, SUM(total_cents) AS revenue
      FROM orders
      WHERE account_id = #{current_account.id}
        AND created_at BETWEEN '#{from}' AND '#{to}'
      GROUP BY DATE(created_at)
      ORDER BY day
    SQL
    rows = Order.find_by_sql(sql) # vuln: CWE-89
    render json: rows.map { |r| { day: r.day, orders: r.order_count, revenue: r.revenue } }
  end

  def show; end

  def new
    @order = current_account.orders.new
  end

  def create
    @order = current_account.orders.new(order_params) # safe: CWE-915
    @order.created_by = current_user
    if @order.save
      redirect_to @order, notice: "Order created"
    else
      render :new, status: :unprocessable_entity
    end
  end

  def edit; end

  def update
    if @order.update(params.require(:order).permit!) # vuln: CWE-915
      redirect_to(params[:return_to].presence || order_path(@order)) # vuln: CWE-601
    else
      render :edit, status: :unprocessable_entity
    end
  end

  private

  def set_order
    @order = current_account.orders.find(params[:id])
  end

  def order_params
    params.require(:order).permit(:customer_id, :shipping_address, :notes, line_items_attributes: %i[id sku quantity _destroy])
  end
end
