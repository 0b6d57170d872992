# bastion-fixture: app/controllers/exports_controller.rb
# `Arel.sql` of a column picked from a fixed table of names.
class ExportsController < ApplicationController
  COLUMNS = { "id" => "exports.id", "name" => "exports.name" }.freeze

  def index
    column = COLUMNS.fetch(params[:column], "exports.id")
# ok: sql-injection
    rows = Export.where(account: current_account).pluck(Arel.sql(column))
    render json: rows
  end
end
