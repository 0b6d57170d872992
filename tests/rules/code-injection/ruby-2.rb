# bastion-fixture: app/controllers/admin/dashboard/widgets_controller.rb
module Admin
  class Dashboard::WidgetsController < Admin::BaseController
    WIDGETS = "Admin::Dashboard::Widgets"

    def show
# expect: code-injection
      @widget = "#{WIDGETS}::#{params[:id].camelcase}".constantize
    rescue NameError
      head :not_found
    end

    # A name the request picks in full is still inline, admin or not.
    def preview
# expect: code-injection
      @widget = params[:class_name].constantize
    end
  end
end
