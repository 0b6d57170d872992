# bastion-fixture: config/routes.rb
# ok: secret-literal
Rails.application.routes.draw do
  # The secret is a path parameter the controller checks; the value is the action it reaches.
  post "/users/:user_id/webhooks/:agent_id/:secret" => "web_requests#handle_request"
  match "/users/:user_id/update_location/:secret" => "web_requests#update_location", :via => [:get, :post]
end
