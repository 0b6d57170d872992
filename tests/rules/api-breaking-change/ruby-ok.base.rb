Rails.application.routes.draw do
  namespace :api do
    namespace :v1 do
      resources :articles, only: [:index, :show, :create]
      get "articles/:id/comments", to: "comments#index"
    end
  end
end
