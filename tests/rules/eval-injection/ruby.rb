# bastion-fixture: app/controllers/calc_controller.rb
class CalcController < ApplicationController
  def show
# expect: eval-injection
    render json: eval(params[:expr])
# expect: eval-injection
    @report.instance_eval "#{params[:code]}"
  end
end
