# bastion-fixture: config/routes.rb
Rails.application.routes.draw do
  namespace :api do
    namespace :v1 do
      resources :articles, only: [:index, :show, :create]
# expect: api-breaking-change
      get "articles/:article_id/comments", to: "comments#index"
    end
  end
end
