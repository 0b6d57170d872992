# bastion-fixture: app/controllers/prefs_controller.rb
class PrefsController < ApplicationController
  def update
# expect: unsafe-deserialization
    prefs = Marshal.load(Base64.decode64(cookies[:prefs]))
# expect: unsafe-deserialization
    config = YAML.load(params[:config])
  end
end
