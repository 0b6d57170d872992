# bastion-fixture: app/controllers/contexts_controller.rb
# The XML builder escapes each message it writes: `<` in a name comes out as `&lt;`.
class ContextsController < ApplicationController
  def create
    @context = Context.new(params.require(:context).permit(:name))
    respond_to do |format|
      if @context.save
        format.xml { render xml: @context }
      else
# ok: reflected-xss
        format.xml { render text: @context.errors.full_messages.to_xml.html_safe, status: 422 }
      end
    end
  end
end
