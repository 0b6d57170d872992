# bastion-fixture: config/routes.rb
Rails.application.routes.draw do
  namespace :api do
# expect: api-verb-in-path
    get "getUser/:id", to: "users#show"
# expect: api-verb-in-path
    post "users/update/:id" => "users#update"
  end
end
