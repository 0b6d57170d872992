# bastion-fixture: app.rb
class WebhookApp < Sinatra::Base
  configure do
# expect: debug-errors-shown
    set :show_exceptions, true
  end
end
