# bastion-fixture: app.rb
# ok: debug-errors-shown
class WebhookApp < Sinatra::Base
  configure :development do
    set :show_exceptions, true
  end

  configure do
    set :show_exceptions, false
  end
end
