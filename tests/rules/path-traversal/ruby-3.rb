# bastion-fixture: app/controllers/reports_controller.rb
class ReportsController < ApplicationController
  ROOT = Rails.root.join("reports")

  def show
    target = report_path(params[:name])
# expect: path-traversal
    send_file target
  end

  def destroy
    target = File.join(ROOT, params[:name])
    Storage.in_dir?(target, ROOT)
# expect: path-traversal
    File.delete(target)
  end

  private

  # Joins without any check: the name may hold `../`.
  def report_path(name)
    File.join(ROOT, name)
  end
end
