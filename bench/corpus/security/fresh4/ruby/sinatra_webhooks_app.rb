# frozen_string_literal: true

require "sinatra/base"
require "nokogiri"
require "logger"
require "securerandom"
require "json"

class WebhooksApp < Sinatra::Base
  LOGGER = Logger.new($stdout)

  configure do
    set :sessions, false
  end

  post "/webhooks/invoice" do
    xml = request.body.read
    doc = Nokogiri::XML(xml) { |config| config.strict.noent }  # vuln: CWE-611
    number = doc.at_xpath("//invoice/number")&.text
    total = doc.at_xpath("//invoice/total")&.text.to_f
    LOGGER.info("invoice webhook accepted")
    content_type :json
    { number: number, total: total }.to_json
  end

  post "/webhooks/shipment" do
    doc = Nokogiri::XML(request.body.read) { |config| config.strict.nonet }  # safe: CWE-611
    tracking = doc.at_xpath("//shipment/tracking")&.text
    content_type :json
    { tracking: tracking }.to_json
  end

  post "/webhooks/status" do
    source = params[:source].to_s
    state = params[:state].to_s
    LOGGER.warn("status callback from #{source}: #{state}")  # vuln: CWE-117
    status 202
  end

  post "/webhooks/status/v2" do
    source = params[:source].to_s.gsub(/[\r\n]/, " ")
    state = params[:state].to_s.gsub(/[^a-z_]/, "")
    LOGGER.warn("status callback v2 from #{source}: #{state}")  # safe: CWE-117
    status 202
  end

  get "/console/login" do
    token = SecureRandom.hex(24)
    response.set_cookie("console_session", value: token, path: "/console",
                                           secure: true, httponly: false, same_site: :strict)  # vuln: CWE-1004
    redirect "/console"
  end

  get "/console/prefs" do
    theme = %w[light dark].include?(params[:theme]) ? params[:theme] : "light"
    response.set_cookie("console_theme", value: theme, path: "/",
                                         secure: true, httponly: true, same_site: :lax)  # safe: CWE-614
    status 204
  end
end
