# frozen_string_literal: true

require "sinatra/base"
require "json"
require "yaml"
require "net/http"
require "openssl"
require "nokogiri"
require "mongo"

class WebhooksApp < Sinatra::Base
  configure do
    set :events, Mongo::Client.new(ENV.fetch("MONGO_URL"))[:webhook_events]
    set :erp_uri, URI(ENV.fetch("ERP_URL", "https://erp.internal.example/api"))
  end

  helpers do
    def forward_to_erp(path, body)
      uri = settings.erp_uri.dup
      uri.path = File.join(uri.path, path)
      http = Net::HTTP.new(uri.host, uri.port)
      http.use_ssl = true
      http.verify_mode = OpenSSL::SSL::VERIFY_NONE # vuln: CWE-295
      req = Net::HTTP::Post.new(uri, "Content-Type" => "application/json")
      req.body = body.to_json
      http.request(req)
    end

    def store_event(source, payload)
      settings.events.insert_one(payload.merge("source" => source, "received_at" => Time.now.utc))
    end
  end

  post "/hooks/shipping" do
    event = JSON.parse(request.body.read) # safe: CWE-502
    store_event("shipping", event)
    forward_to_erp("/shipments", event)
    status 204
  end

  post "/hooks/legacy-crm" do
    # the old CRM exports Ruby objects (dates, symbols) in its YAML payloads
    event = YAML.unsafe_load(request.body.read) # vuln: CWE-502
    store_event("crm", event.to_h.transform_keys(&:to_s))
    status 204
  end

  post "/hooks/carrier" do
    doc = Nokogiri::XML(request.body.read) { |config| config.strict.noent.dtdload } # vuln: CWE-611
    tracking = doc.xpath("//shipment/tracking").map(&:text)
    store_event("carrier", "tracking" => tracking)
    status 204
  end

  post "/hooks/customs" do
    doc = Nokogiri::XML(request.body.read) { |config| config.strict.nonet } # safe: CWE-611
    declarations = doc.xpath("//declaration").map { |d| { "id" => d["id"], "status" => d.at("status")&.text } }
    store_event("customs", "declarations" => declarations)
    status 204
  end

  get "/events" do
    content_type :json
    docs = settings.events.find("$where" => "this.source == 'shipping' && this.reference == '#{params[:reference]}'").limit(50).to_a # vuln: CWE-943
    docs.to_json
  end

  get "/events/:id/export" do
    doc = settings.events.find(_id: BSON::ObjectId.from_string(params[:id])).first
    halt 404 unless doc
    filename = params.fetch("filename", "event-#{params[:id]}.json")
    headers["Content-Disposition"] = "attachment; filename=\"#{filename}\"" # vuln: CWE-113
    content_type :json
    doc.to_json
  end
end
