# bastion-fixture: lib/wiki/app.rb
# ok: open-redirect
class App < Sinatra::Base
  post '/compare/*' do
    file = params[:splat].first
    versions = params[:versions] || []
    redirect to("/compare/%s/%s...%s" % [file, versions.last, versions.first])
  end
end
