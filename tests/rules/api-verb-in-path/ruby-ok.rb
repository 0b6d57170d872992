# bastion-fixture: config/routes.rb
# ok: api-verb-in-path
Rails.application.routes.draw do
  resources :delete_requests, only: [:create]
  resources :users do
    member do
      post :activate
      get :delete
    end
  end
  get "photos/:id/edit", to: "photos#edit"
end
