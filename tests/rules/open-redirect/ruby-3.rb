# bastion-fixture: lib/wiki/app.rb
class App < Sinatra::Base
  post '/done' do
    back = params[:back]
# expect: open-redirect
    redirect to("%s/done" % [back])
  end

  post '/next' do
# expect: open-redirect
    redirect to("#{params[:next]}?saved=1")
  end
end
