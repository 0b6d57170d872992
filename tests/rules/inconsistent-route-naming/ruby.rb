# bastion-fixture: config/routes.rb
Rails.application.routes.draw do
  resources :payment_methods
  resources :order_items
# expect: inconsistent-route-naming
  get "user-profiles", to: "profiles#index"
end
