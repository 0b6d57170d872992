# bastion-fixture: lib/wiki/app.rb
# ok: open-redirect
class App < Sinatra::Base
  get '/*' do
    fullpath = params[:splat].first
    show_page(fullpath)
  end

  private

  def show_page(fullpath)
    wiki = wiki_new
    if @redirects_enabled && target = wiki.redirects[fullpath]
      go_to(target, fullpath, "&raw")
    else
      render_page(fullpath)
    end
  end

  def go_to(target, fullpath, query)
    redirect to("#{encodeURIComponent(target)}?redirected_from=#{encodeURIComponent(fullpath)}#{query}")
  end
end
