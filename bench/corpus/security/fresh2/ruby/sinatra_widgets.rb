# Widget service: embeddable dashboards rendered from saved layouts.
require "sinatra/base"
require "sinatra/json"
require "net/http"
require "base64"
require "erb"
require "yaml"
require "json"

class WidgetApp < Sinatra::Base
  helpers Sinatra::JSON

  configure do
    set :sessions, true
    set :widget_root, File.expand_path("widgets", __dir__)
  end

  helpers do
    def current_layout
      raw = request.cookies["layout"]
      return {} if raw.nil? || raw.empty?

      Marshal.load(Base64.strict_decode64(raw)) # vuln: CWE-502
    end

    def fetch_feed(url)
      uri = URI.parse(url)
      Net::HTTP.get_response(uri) # vuln: CWE-918
    end
  end

  get "/widgets/:id" do
    layout = current_layout
    widget = layout.fetch(params[:id], {})
    json(id: params[:id], widget: widget)
  end

  post "/widgets/import" do
    body = request.body.read
    config = YAML.safe_load(body, permitted_classes: [Date, Symbol], aliases: false) # safe: CWE-502
    halt 422, json(error: "expected a mapping") unless config.is_a?(Hash)
    response.set_cookie("layout", value: Base64.strict_encode64(Marshal.dump(config)), httponly: true, secure: true)
    json(imported: config.keys)
  end

  get "/widgets/:id/feed" do
    feed_url = params[:source] || "https://status.example.com/feed.json"
    res = fetch_feed(feed_url)
    halt 502, json(error: "feed unavailable") unless res.is_a?(Net::HTTPSuccess)
    json(id: params[:id], items: JSON.parse(res.body).first(10))
  end

  post "/widgets/:id/render" do
    payload = JSON.parse(request.body.read)
    title = payload.fetch("title", "Untitled")
    template = payload.fetch("template", "<h2><%= title %></h2>")
    html = ERB.new(template).result(binding) # vuln: CWE-1336
    content_type :html
    html
  end

  get "/health" do
    json(status: "ok", time: Time.now.utc.iso8601)
  end

  run! if app_file == $PROGRAM_NAME
end
