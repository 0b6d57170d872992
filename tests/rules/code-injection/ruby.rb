# bastion-fixture: app/controllers/calc_controller.rb
class CalcController < ApplicationController
  def show
# expect: code-injection
    render json: eval(params[:expr])
# expect: code-injection
    @report.instance_eval "#{params[:code]}"
  end
end
