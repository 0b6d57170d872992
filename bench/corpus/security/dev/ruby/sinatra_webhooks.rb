# frozen_string_literal: true

require "sinatra/base"
require "sequel"
require "yaml"
require "erb"
require "openssl"
require "securerandom"
require "json"
require "logger"

class WebhookApp < Sinatra::Base
  DB = Sequel.connect(ENV.fetch("DATABASE_URL"))
  LOG = Logger.new($stdout)
  API_TOKEN = "whk_live_9f8e7d6c5b4a3210" # vuln: CWE-798

  configure do
    set :sessions, httponly: false, secure: false # vuln: CWE-1004
    set :show_exceptions, true # vuln: CWE-489
  end

  get "/hooks" do
    rows = DB["SELECT * FROM hooks WHERE owner = '#{params['owner']}'"].all # vuln: CWE-89
    json rows
  end

  get "/hooks/safe" do
    rows = DB["SELECT * FROM hooks WHERE owner = ?", params["owner"]].all # safe: CWE-89
    json rows
  end

  get "/hooks/dataset" do
    rows = DB[:hooks].where(owner: params["owner"]).all # safe: CWE-89
    json rows
  end

  post "/hooks/test" do
    system("curl -s -X POST #{params['url']}") # vuln: CWE-78
    status 204
  end

  post "/hooks/test-safe" do
    system("curl", "-s", "-X", "POST", "--", params["url"]) # safe: CWE-78
    status 204
  end

  post "/hooks/config" do
    config = YAML.load(request.body.read) # vuln: CWE-502
    json config
  end

  post "/hooks/config-safe" do
    config = YAML.safe_load(request.body.read) # safe: CWE-502
    json config
  end

  post "/hooks/transform" do
    result = eval(params["expression"]) # vuln: CWE-95
    json result: result
  end

  get "/hooks/view" do
    template = ERB.new("<h2>#{params['title']}</h2>")
    template.result(binding) # vuln: CWE-1336
  end

  get "/hooks/hello" do
    "<p>Hello #{params['name']}</p>" # vuln: CWE-79
  end

  get "/hooks/hello-safe" do
    "<p>Hello #{Rack::Utils.escape_html(params['name'])}</p>" # safe: CWE-79
  end

  get "/hooks/out" do
    redirect params["to"] # vuln: CWE-601
  end

  get "/hooks/logs/:name" do
    send_file File.join("/var/log/hooks", params["name"]) # vuln: CWE-22
  end

  get "/hooks/logs-safe/:name" do
    path = File.expand_path(params["name"], "/var/log/hooks")
    halt 404 unless path.start_with?("/var/log/hooks/")
    send_file path # safe: CWE-22
  end

  post "/hooks/header" do
    headers "X-Hook-Name" => params["name"] # vuln: CWE-113
    status 204
  end

  helpers do
    def signing_secret
      rand(10**12).to_s # vuln: CWE-330
    end

    def signing_secret_safe
      SecureRandom.hex(32) # safe: CWE-330
    end

    def sign(body, key)
      OpenSSL::HMAC.hexdigest("SHA256", key, body) # safe: CWE-328
    end

    def encrypt(body, key)
      cipher = OpenSSL::Cipher.new("aes-128-ecb") # vuln: CWE-327
      cipher.encrypt
      cipher.key = key
      cipher.update(body) + cipher.final
    end

    def open_insecure(url)
      Net::HTTP.start(url.host, url.port, use_ssl: true, verify_mode: OpenSSL::SSL::VERIFY_NONE) # vuln: CWE-295
    end
  end

  post "/hooks/log" do
    LOG.info("hook received: #{request.body.read}") # vuln: CWE-117
    status 204
  end
end
