# frozen_string_literal: true

require "digest"
require "bcrypt"
require "jwt"

class SessionsController < ApplicationController
  skip_before_action :require_login, only: %i[new create email_code sso_callback]

  def new; end

  def create
    user = User.find_by(email: params[:email].to_s.downcase.strip)
    return invalid_login unless user && password_matches?(user, params[:password].to_s)

    start_session(user)
    if params[:remember_me] == "1"
      token = SecureRandom.urlsafe_base64(32) # safe: CWE-330
      user.update!(remember_digest: Digest::SHA256.hexdigest(token))
      cookies[:remember_token] = { value: token, expires: 30.days.from_now, httponly: false } # vuln: CWE-1004
    end
    redirect_to dashboard_path
  end

  def email_code
    user = User.find_by(email: params[:email].to_s.downcase.strip)
    if user
      code = rand(100_000..999_999).to_s # vuln: CWE-330
      user.update!(login_code: code, login_code_expires_at: 10.minutes.from_now)
      UserMailer.login_code(user, code).deliver_later
    end
    head :accepted
  end

  def sso_callback
    payload, _header = JWT.decode(params.require(:id_token), nil, false) # vuln: CWE-347
    user = User.find_by(sso_subject: payload.fetch("sub"))
    return invalid_login unless user

    start_session(user)
    redirect_to dashboard_path
  end

  def api_token
    token = request.headers["Authorization"].to_s.delete_prefix("Bearer ")
    payload, = JWT.decode(token, Rails.application.credentials.jwt_secret!, true, algorithm: "HS256") # safe: CWE-347
    user = User.find(payload.fetch("uid"))
    render json: { user_id: user.id, expires_at: Time.zone.at(payload["exp"]).iso8601 }
  rescue JWT::DecodeError, ActiveRecord::RecordNotFound
    head :unauthorized
  end

  def destroy
    current_user&.update!(remember_digest: nil)
    cookies.delete(:remember_token)
    reset_session
    redirect_to login_path
  end

  private

  def password_matches?(user, password)
    if user.password_digest.blank? && user.legacy_md5.present?
      return false unless user.legacy_md5 == Digest::MD5.hexdigest(password) # vuln: CWE-328

      user.update_columns(password_digest: BCrypt::Password.create(password), legacy_md5: nil) # safe: CWE-328
      return true
    end
    user.authenticate(password).present?
  end

  def start_session(user)
    reset_session
    session[:user_id] = user.id
    user.touch(:last_login_at)
  end

  def invalid_login
    flash.now[:alert] = "Invalid email or password"
    render :new, status: :unauthorized
  end
end
