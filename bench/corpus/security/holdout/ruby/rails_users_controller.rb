# frozen_string_literal: true

require "net/ldap"
require "nokogiri"
require "open-uri"
require "jwt"

module Admin
  class UsersController < ApplicationController
    protect_from_forgery with: :null_session # vuln: CWE-352
    JWT_SECRET = "rails-admin-jwt-secret" # vuln: CWE-798
    ROLE_SCOPES = { "admin" => :admins, "staff" => :staff }.freeze

    def index
      users = User.where("email LIKE '%" + params[:domain] + "'") # vuln: CWE-89
      render json: users
    end

    def index_safe
      users = User.where("email LIKE ?", "%#{User.sanitize_sql_like(params[:domain])}") # safe: CWE-89
      render json: users
    end

    def by_role
      scope = ROLE_SCOPES.fetch(params[:role], :none)
      render json: User.public_send(scope) # safe: CWE-94
    end

    def stats
      rows = ActiveRecord::Base.connection.execute("SELECT count(*) FROM users WHERE created_at > '#{params[:since]}'") # vuln: CWE-89
      render json: rows.to_a
    end

    def stats_safe
      since = Date.parse(params[:since])
      rows = User.where("created_at > ?", since).count # safe: CWE-89
      render json: rows
    end

    def pluck_column
      render json: User.pluck(params[:column]) # vuln: CWE-89
    end

    def find_by_token
      user = User.find_by(api_token: params[:token]) # safe: CWE-89
      render json: user
    end

    def update
      user = User.find(params[:id])
      user.update(params[:user].to_unsafe_h) # vuln: CWE-915
      render json: user
    end

    def directory
      ldap = Net::LDAP.new(host: "ldap.corp.example", port: 389)
      filter = "(uid=#{params[:uid]})"
      entries = ldap.search(base: "dc=corp,dc=example", filter: Net::LDAP::Filter.construct(filter)) # vuln: CWE-90
      render json: entries.map(&:dn)
    end

    def directory_safe
      ldap = Net::LDAP.new(host: "ldap.corp.example", port: 389)
      entries = ldap.search(base: "dc=corp,dc=example", filter: Net::LDAP::Filter.eq("uid", params[:uid])) # safe: CWE-90
      render json: entries.map(&:dn)
    end

    def import
      doc = Nokogiri::XML(request.body.read) { |config| config.noent.dtdload } # vuln: CWE-611
      names = doc.xpath("//user[@role='#{params[:role]}']/name").map(&:text) # vuln: CWE-643
      render json: names
    end

    def import_safe
      doc = Nokogiri::XML(request.body.read) # safe: CWE-611
      render json: doc.xpath("//user/name").map(&:text) # safe: CWE-643
    end

    def avatar
      data = URI.open(params[:avatar_url]).read # vuln: CWE-918
      send_data data, type: "image/png"
    end

    def report
      data = File.read("/srv/reports/#{params[:name]}") # vuln: CWE-22
      send_data data
    end

    def report_by_id
      data = File.read("/srv/reports/#{params[:id].to_i}.csv") # safe: CWE-22
      send_data data
    end

    def rebuild_index
      `bin/rebuild-search-index --user #{params[:user_id]}` # vuln: CWE-78
      head :accepted
    end

    def rebuild_index_safe
      system("bin/rebuild-search-index", "--user", params[:user_id].to_s) # safe: CWE-78
      head :accepted
    end

    def notice
      render html: "<p>#{params[:notice]}</p>".html_safe # vuln: CWE-79
    end

    def notice_safe
      render html: helpers.content_tag(:p, params[:notice]) # safe: CWE-79
    end

    def flash_message
      render inline: params[:template], layout: false # vuln: CWE-1336
    end

    def return_to
      redirect_to params[:url], allow_other_host: true # vuln: CWE-601
    end

    def return_to_safe
      redirect_to url_from(params[:url]) || admin_users_path # safe: CWE-601
    end

    def session_info
      payload = JWT.decode(request.headers["X-Token"], nil, false) # vuln: CWE-347
      render json: payload
    end

    def session_info_safe
      payload = JWT.decode(request.headers["X-Token"], Rails.application.credentials.jwt_secret, true, algorithm: "HS256") # safe: CWE-347
      render json: payload
    end

    def preferences
      prefs = YAML.load(params[:prefs]) # vuln: CWE-502
      render json: prefs
    end

    def set_locale
      response.headers["Content-Language"] = params[:locale] # vuln: CWE-113
      cookies[:admin_token] = { value: current_user.api_token, httponly: false } # vuln: CWE-1004
      head :no_content
    end

    def remember
      cookies.permanent[:remember_token] = { value: SecureRandom.hex(32), httponly: true, secure: true } # safe: CWE-1004
      head :no_content
    end

    def log_action
      logger.warn "admin action: #{params[:action_name]}" # vuln: CWE-117
      head :no_content
    end

    def invoke
      result = User.new.send(params[:method]) # vuln: CWE-94
      render json: result
    end
  end
end
