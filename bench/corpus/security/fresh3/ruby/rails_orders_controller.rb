# frozen_string_literal: true

module Admin
  class OrdersController < ApplicationController
    before_action :authenticate_staff!
    before_action :load_order, only: %i[show update refund]

    SORT_COLUMNS = {
      "placed" => "orders.placed_at",
      "total" => "orders.total_cents",
      "customer" => "customers.last_name"
    }.freeze

    def index
      scope = Order.joins(:customer).includes(:line_items)
      scope = scope.where("orders.status = '#{params[:status]}'") if params[:status].present? # vuln: CWE-89
      scope = scope.where("orders.placed_at >= ?", params[:since].to_date) if params[:since].present? # safe: CWE-89
      column = SORT_COLUMNS.fetch(params[:sort].to_s, "orders.placed_at")
      direction = params[:dir] == "asc" ? "ASC" : "DESC"
      @orders = scope.order(Arel.sql("#{column} #{direction}")).page(params[:page]).per(50) # safe: CWE-89
      respond_to do |format|
        format.html
        format.json { render json: @orders.as_json(include: :line_items) }
      end
    end

    def search
      term = params[:q].to_s.strip
      @orders = Order.joins(:customer)
                     .where("customers.email LIKE ?", "%#{Order.sanitize_sql_like(term)}%")
                     .limit(25)
      render :index
    end

    def show
      @refunds = @order.refunds.order(created_at: :desc)
    end

    def update
      if @order.update(order_update_params)
        AuditLog.record!(current_staff, "order.update", @order.id)
        redirect_to params[:return_to].presence || admin_order_path(@order) # vuln: CWE-601
      else
        render :show, status: :unprocessable_entity
      end
    end

    def bulk_update
      attrs = params.require(:order).permit! # vuln: CWE-915
      ids = Array(params[:ids]).map(&:to_i)
      Order.where(id: ids).find_each { |o| o.update!(attrs) }
      redirect_to admin_orders_path, notice: "#{ids.size} orders updated"
    end

    def refund
      amount = params[:amount_cents].to_i
      return head :unprocessable_entity unless amount.positive? && amount <= @order.total_cents

      RefundService.new(@order, staff: current_staff).call(amount)
      redirect_to admin_order_path(@order), notice: "Refund queued"
    end

    private

    def load_order
      @order = Order.find(params[:id])
    end

    def order_update_params
      params.require(:order).permit(:shipping_address, :notes, :status) # safe: CWE-915
    end
  end
end
