# bastion-fixture: config/routes.rb
# ok: api-breaking-change
Rails.application.routes.draw do
  namespace :api do
    namespace :v1 do
      resources :articles, only: [:index, :show, :create, :update]
      get "articles/:id/comments", to: "comments#index"
    end
  end
end
