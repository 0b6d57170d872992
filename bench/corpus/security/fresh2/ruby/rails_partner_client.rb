# app/services/partner_client.rb
require "net/http"
require "openssl"
require "jwt"
require "nokogiri"

class PartnerClient
  class Error < StandardError; end

  CA_FILE = Rails.root.join("config", "certs", "partner-ca.pem").to_s

  def initialize(base_url: ENV.fetch("PARTNER_API_URL"), api_token: Rails.application.credentials.dig(:partner, :api_token))
    @base_uri = URI.parse(base_url)
    @api_token = api_token
  end

  def fetch_shipments(since:)
    uri = @base_uri.dup
    uri.path = "/v2/shipments"
    uri.query = URI.encode_www_form(since: since.iso8601)
    http = Net::HTTP.new(uri.host, uri.port)
    http.use_ssl = true
    http.verify_mode = OpenSSL::SSL::VERIFY_PEER # safe: CWE-295
    http.ca_file = CA_FILE
    req = Net::HTTP::Get.new(uri)
    req["Authorization"] = "Bearer #{@api_token}"
    parse_shipments(http.request(req).body)
  end

  def push_invoice(invoice_xml)
    uri = URI.join(@base_uri.to_s, "/legacy/invoices")
    http = Net::HTTP.new(uri.host, uri.port)
    http.use_ssl = true
    http.verify_mode = OpenSSL::SSL::VERIFY_NONE # vuln: CWE-295
    req = Net::HTTP::Post.new(uri, "Content-Type" => "application/xml")
    req.body = invoice_xml
    res = http.request(req)
    raise Error, "invoice push failed: #{res.code}" unless res.is_a?(Net::HTTPSuccess)

    res.body
  end

  def parse_shipments(xml)
    doc = Nokogiri::XML(xml) { |config| config.strict.nonet } # safe: CWE-611
    doc.xpath("//shipment").map do |node|
      { id: node["id"], status: node.at_xpath("status")&.text, eta: node.at_xpath("eta")&.text }
    end
  end

  def parse_manifest(xml)
    doc = Nokogiri::XML(xml) { |config| config.noent.dtdload } # vuln: CWE-611
    doc.xpath("//item").map { |n| { sku: n["sku"], qty: n["qty"].to_i } }
  end
end

# app/controllers/webhooks/partner_controller.rb
module Webhooks
  class PartnerController < ActionController::API
    def create
      token = request.headers["X-Partner-Token"].to_s
      claims, _header = JWT.decode(token, nil, false) # vuln: CWE-347
      partner = Partner.find_by!(code: claims["partner"])
      partner.events.create!(kind: params[:event], payload: request.raw_post)
      head :accepted
    end

    def manifest
      token = request.headers["X-Partner-Token"].to_s
      secret = Rails.application.credentials.dig(:partner, :webhook_secret)
      claims, = JWT.decode(token, secret, true, algorithm: "HS256") # safe: CWE-347
      items = PartnerClient.new.parse_manifest(request.raw_post)
      Partner.find_by!(code: claims["partner"]).manifests.create!(items: items)
      head :created
    end
  end
end
