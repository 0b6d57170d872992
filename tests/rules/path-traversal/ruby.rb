# bastion-fixture: app/controllers/admin/pages_controller.rb
class Admin::PagesController < Admin::BaseController
  def show
# expect: path-traversal
    render "pages/#{params[:page]}"
  end

  def preview
# expect: path-traversal
    render template: component_path(params[:template])
  end
end
