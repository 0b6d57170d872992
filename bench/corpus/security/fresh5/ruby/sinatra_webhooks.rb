# frozen_string_literal: true

require "sinatra/base"
require "sinatra/json"
require "net/http"
require "openssl"
require "erb"
require "uri"
require "json"

class WebhookApp < Sinatra::Base
  helpers Sinatra::JSON

  TRUSTED_HOSTS = %w[hooks.slack.com api.pagerduty.com events.example.net].freeze
  DEFAULT_TEMPLATE = File.read(File.join(__dir__, "templates", "notification.txt.erb")).freeze

  configure do
    set :show_exceptions, false
  end

  helpers do
    def payload
      @payload ||= JSON.parse(request.body.read)
    rescue JSON::ParserError
      halt 400, json(error: "invalid json")
    end

    def deliver(uri, body)
      http = Net::HTTP.new(uri.host, uri.port)
      http.use_ssl = uri.scheme == "https"
      http.open_timeout = 3
      http.read_timeout = 5
      req = Net::HTTP::Post.new(uri.request_uri, "Content-Type" => "application/json")
      req.body = body
      http.request(req)
    end
  end

  post "/webhooks/test" do
    callback = URI.parse(payload["callback_url"].to_s)
    response = deliver(callback, { event: "ping" }.to_json) # vuln: CWE-918
    json status: response.code
  end

  post "/webhooks/notify" do
    target = URI.parse(payload["url"].to_s)
    halt 422, json(error: "host not allowed") unless target.is_a?(URI::HTTPS) && TRUSTED_HOSTS.include?(target.host)

    message = ERB.new(DEFAULT_TEMPLATE).result_with_hash(event: payload["event"].to_s) # safe: CWE-1336
    response = deliver(target, { text: message }.to_json) # safe: CWE-918
    json status: response.code
  end

  post "/webhooks/preview" do
    template = payload.fetch("template", "Event <%= event %> received")
    rendered = ERB.new(template).result_with_hash(event: payload["event"].to_s) # vuln: CWE-1336
    json preview: rendered
  end

  get "/webhooks/legacy-status" do
    uri = URI("https://legacy-gateway.internal.example/status")
    http = Net::HTTP.new(uri.host, uri.port)
    http.use_ssl = true
    http.verify_mode = OpenSSL::SSL::VERIFY_NONE # vuln: CWE-295
    res = http.get(uri.request_uri)
    json upstream: res.code, body: res.body.to_s[0, 500]
  end
end
