# bastion-fixture: app.rb
require "sinatra"

# expect: cookie-insecure
set :sessions, httponly: true, secure: false
