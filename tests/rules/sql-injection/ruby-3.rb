# bastion-fixture: app/controllers/exports_controller.rb
# `Arel.sql` marks the request's column list as raw SQL for `pluck`.
class ExportsController < ApplicationController
  def index
    columns = params.fetch(:columns, "id")
# expect: sql-injection
    rows = Export.where(account: current_account).pluck(Arel.sql(columns))
    render json: rows
  end
end
