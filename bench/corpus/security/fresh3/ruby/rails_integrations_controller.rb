# frozen_string_literal: true

require "net/http"
require "openssl"
require "jwt"

class IntegrationsController < ApplicationController
  skip_before_action :verify_authenticity_token, only: %i[create test_connection] # vuln: CWE-352
  before_action :require_login

  TRUSTED_FEED_HOSTS = %w[status.github.com status.atlassian.com www.githubstatus.com].freeze

  def index
    @integrations = current_account.integrations.order(:name)
  end

  def create
    integration = current_account.integrations.build(
      name: params[:name],
      kind: params[:kind],
      endpoint: params[:endpoint]
    )
    if integration.save
      redirect_to integrations_path, notice: "Integration added"
    else
      render :new, status: :unprocessable_entity
    end
  end

  def test_connection
    uri = URI.parse(params[:endpoint].to_s)
    response = Net::HTTP.get_response(uri) # vuln: CWE-918
    render json: { status: response.code.to_i, body: response.body.to_s[0, 500] }
  rescue StandardError => e
    render json: { status: 0, error: e.class.name }, status: :bad_gateway
  end

  def status_feed
    uri = URI.parse(params[:feed].to_s)
    unless uri.is_a?(URI::HTTPS) && TRUSTED_FEED_HOSTS.include?(uri.host)
      return render json: { error: "feed not allowed" }, status: :unprocessable_entity
    end

    body = Net::HTTP.get(uri) # safe: CWE-918
    render json: { feed: JSON.parse(body) }
  end

  def sync_legacy
    integration = current_account.integrations.find(params[:id])
    uri = URI.parse(integration.endpoint)
    http = Net::HTTP.new(uri.host, uri.port)
    http.use_ssl = true
    http.verify_mode = OpenSSL::SSL::VERIFY_NONE # vuln: CWE-295
    res = http.request(Net::HTTP::Get.new(uri.request_uri))
    integration.update!(last_synced_at: Time.current, last_status: res.code.to_i)
    head :no_content
  end

  def callback
    token = request.headers["X-Partner-Token"].to_s
    payload, _header = JWT.decode(token, nil, false) # vuln: CWE-347
    integration = current_account.integrations.find_by!(external_id: payload["sub"])
    integration.update!(last_event: payload["event"])
    head :ok
  end

  def signed_callback
    token = request.headers["X-Partner-Token"].to_s
    secret = Rails.application.credentials.dig(:partners, :jwt_secret)
    payload, = JWT.decode(token, secret, true, algorithm: "HS256", verify_expiration: true) # safe: CWE-347
    integration = current_account.integrations.find_by!(external_id: payload["sub"])
    integration.update!(last_event: payload["event"])
    head :ok
  rescue JWT::DecodeError
    head :unauthorized
  end
end
