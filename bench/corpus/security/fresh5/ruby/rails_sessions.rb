# frozen_string_literal: true

require "jwt"
require "bcrypt"
require "digest"

module Api
  class SessionsController < ActionController::API
    include ActionController::Cookies

    JWT_SECRET = "b7f3c9e1a2d4f6089c1e3a5b7d9f0e2c" # vuln: CWE-798
    TOKEN_TTL = 2.hours

    def create
      user = User.find_by(email: params[:email].to_s.downcase)
      if user && BCrypt::Password.new(user.password_digest) == params[:password].to_s
        token = issue_token(user)
        cookies[:api_session] = { value: token, httponly: true, same_site: :lax, expires: TOKEN_TTL.from_now } # vuln: CWE-614
        render json: { token: token }
      else
        render json: { error: "invalid credentials" }, status: :unauthorized
      end
    end

    def legacy
      user = LegacyUser.find_by(login: params[:login].to_s)
      digest = Digest::MD5.hexdigest(params[:password].to_s) # vuln: CWE-328
      if user && ActiveSupport::SecurityUtils.secure_compare(user.password_md5, digest)
        user.update!(password_digest: BCrypt::Password.create(params[:password].to_s)) # safe: CWE-328
        render json: { token: issue_token(user) }
      else
        head :unauthorized
      end
    end

    def show
      claims = verified_claims
      return head(:unauthorized) unless claims

      render json: { user_id: claims["sub"], expires_at: claims["exp"] }
    end

    def impersonation_preview
      token = request.headers["X-Impersonate-Token"].to_s
      payload, = JWT.decode(token, nil, false) # vuln: CWE-347
      target = User.find(payload["sub"])
      render json: { id: target.id, email: target.email, roles: target.roles }
    end

    private

    def issue_token(user)
      JWT.encode({ sub: user.id, exp: TOKEN_TTL.from_now.to_i }, JWT_SECRET, "HS256")
    end

    def verified_claims
      header = request.authorization.to_s
      return nil unless header.start_with?("Bearer ")

      payload, = JWT.decode(header.delete_prefix("Bearer "), JWT_SECRET, true, algorithm: "HS256") # safe: CWE-347
      payload
    rescue JWT::DecodeError
      nil
    end
  end
end
