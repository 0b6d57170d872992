# bastion-fixture: config/initializers/sidekiq.rb
# ok: password-fast-hash
Sidekiq::Web.use(Rack::Auth::Basic) do |user, password|
  ActiveSupport::SecurityUtils.secure_compare(
    ::Digest::SHA256.hexdigest(user), ::Digest::SHA256.hexdigest(ENV["SIDEKIQ_USERNAME"])
  ) && ActiveSupport::SecurityUtils.secure_compare(
    ::Digest::SHA256.hexdigest(password), ::Digest::SHA256.hexdigest(ENV["SIDEKIQ_PASSWORD"])
  )
end
