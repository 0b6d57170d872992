# bastion-fixture: app/controllers/admin/settings_controller.rb
class Admin::SettingsController < Admin::BaseController
  # The keys differ per widget type; the admin's form sends them all. The finding is
  # noted in the summary (see test_mass_assignment_ruby).
  def update
    @widget = Widget.find(params[:id])
# expect: mass-assignment
    @widget.update params[:settings][@widget.id.to_s].permit!
    redirect_to admin_settings_path
  end
end

class StatusController < ApplicationController
  def ping
# expect: mass-assignment
    Rails.logger.info "ping from #{request.remote_ip}: #{params.permit!.to_h}"
    render json: { ok: true }
  end
end
