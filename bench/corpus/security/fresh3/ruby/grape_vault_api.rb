# frozen_string_literal: true

require "grape"
require "openssl"
require "digest"
require "bcrypt"
require "base64"

module Vault
  class Cipher
    LEGACY_KEY = ENV.fetch("VAULT_LEGACY_KEY", "0" * 32)
    LEGACY_IV = "vault-iv-000001!"

    def self.encrypt_legacy(plain)
      c = OpenSSL::Cipher.new("aes-256-cbc")
      c.encrypt
      c.key = LEGACY_KEY
      c.iv = LEGACY_IV # vuln: CWE-329
      Base64.strict_encode64(c.update(plain) + c.final)
    end

    def self.encrypt(plain, key)
      c = OpenSSL::Cipher.new("aes-256-gcm")
      c.encrypt
      c.key = key
      iv = c.random_iv # safe: CWE-329
      c.auth_data = ""
      data = c.update(plain) + c.final
      Base64.strict_encode64(iv + c.auth_tag + data)
    end

    def self.decrypt(blob, key)
      raw = Base64.strict_decode64(blob)
      iv, tag, data = raw[0, 12], raw[12, 16], raw[28..]
      c = OpenSSL::Cipher.new("aes-256-gcm")
      c.decrypt
      c.key = key
      c.iv = iv
      c.auth_tag = tag
      c.auth_data = ""
      c.update(data) + c.final
    end
  end

  class API < Grape::API
    format :json
    prefix :api

    helpers do
      def current_member
        @current_member ||= Member.find_by(api_key: headers["X-Api-Key"]) || error!("unauthorized", 401)
      end

      def vault_key
        Base64.strict_decode64(ENV.fetch("VAULT_KEY"))
      end
    end

    resource :members do
      params do
        requires :email, type: String
        requires :password, type: String
      end
      post :register do
        digest = Digest::MD5.hexdigest(params[:password]) # vuln: CWE-328
        member = Member.create!(email: params[:email].downcase, password_digest: digest)
        { id: member.id }
      end

      params do
        requires :password, type: String
      end
      put :password do
        current_member.update!(password_digest: BCrypt::Password.create(params[:password], cost: 12)) # safe: CWE-328
        { ok: true }
      end
    end

    resource :secrets do
      params do
        requires :label, type: String
        requires :value, type: String
        optional :legacy, type: Boolean, default: false
      end
      post do
        blob = if params[:legacy]
                 Cipher.encrypt_legacy(params[:value])
               else
                 Cipher.encrypt(params[:value], vault_key)
               end
        secret = current_member.secrets.create!(label: params[:label], ciphertext: blob, legacy: params[:legacy])
        { id: secret.id }
      end

      get ":id" do
        secret = current_member.secrets.find(params[:id])
        { label: secret.label, value: Cipher.decrypt(secret.ciphertext, vault_key) }
      end
    end
  end
end
