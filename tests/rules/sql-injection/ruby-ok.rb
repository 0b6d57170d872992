# bastion-fixture: app/controllers/users_controller.rb
# ok: sql-injection
class UsersController < ApplicationController
  SORTS = %w[name email].freeze
  def index
    t = User.arel_table.name
    User.where("#{t}.name LIKE ?", "%#{params[:q]}%").order(created_at: :desc)
    dir = params[:dir] == "asc" ? "ASC" : "DESC"
    User.where("org_id = ?", params[:org]).order("created_at #{dir}")
  end
end
