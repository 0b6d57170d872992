# bastion-fixture: config/routes.rb
# ok: inconsistent-route-naming
Rails.application.routes.draw do
  resources :payment_methods
  resources :order_items
  get "user_profiles", to: "profiles#index"
end
