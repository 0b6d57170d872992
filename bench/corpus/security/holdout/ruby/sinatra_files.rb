# frozen_string_literal: true

require "sinatra"
require "pg"
require "digest"
require "openssl"
require "tempfile"
require "fileutils"
require "securerandom"
require "oj"

DB = PG.connect(ENV.fetch("DATABASE_URL"))
FILES_ROOT = "/srv/files"

set :bind, "0.0.0.0"
set :environment, :development # vuln: CWE-489
use Rack::Session::Cookie, secret: "files-session-secret-1234567890", secure: false # vuln: CWE-798

get "/files" do
  result = DB.exec("SELECT name FROM files WHERE folder = '#{params[:folder]}'") # vuln: CWE-89
  result.map { |r| r["name"] }.join("\n")
end

get "/files/safe" do
  result = DB.exec_params("SELECT name FROM files WHERE folder = $1", [params[:folder]]) # safe: CWE-89
  result.map { |r| r["name"] }.join("\n")
end

get "/files/escaped" do
  folder = DB.escape_string(params[:folder])
  result = DB.exec("SELECT name FROM files WHERE folder = '#{folder}'") # safe: CWE-89
  result.map { |r| r["name"] }.join("\n")
end

get "/files/download" do
  send_file File.join(FILES_ROOT, params[:path]) # vuln: CWE-22
end

get "/files/download-safe" do
  path = File.expand_path(File.join(FILES_ROOT, params[:path]))
  halt 403 unless path.start_with?(FILES_ROOT + "/")
  send_file path # safe: CWE-22
end

post "/files/unzip" do
  Kernel.exec("unzip -o #{params[:archive]} -d #{FILES_ROOT}") # vuln: CWE-78
end

post "/files/unzip-safe" do
  pid = Process.spawn("unzip", "-o", params[:archive].to_s, "-d", FILES_ROOT) # safe: CWE-78
  Process.wait(pid)
end

post "/files/open" do
  content = open(params[:source]).read # vuln: CWE-78
  content.bytesize.to_s
end

post "/files/meta" do
  meta = Oj.load(request.body.read, mode: :object) # vuln: CWE-502
  meta.to_s
end

post "/files/meta-safe" do
  meta = Oj.load(request.body.read, mode: :strict) # safe: CWE-502
  meta.to_s
end

post "/files/rename" do
  instance_eval("@name = '#{params[:name]}'") # vuln: CWE-95
  200
end

get "/files/preview" do
  erb "<h3><%= params[:title] %></h3>" # vuln: CWE-79
end

get "/files/preview-safe" do
  erb "<h3><%= Rack::Utils.escape_html(params[:title]) %></h3>" # safe: CWE-79
end

get "/files/external" do
  uri = URI(params[:url])
  Net::HTTP.get_response(uri).body # vuln: CWE-918
end

get "/files/leave" do
  redirect to(params[:next]) # vuln: CWE-601
end

post "/files/log" do
  logger.info("uploaded #{params[:filename]} from #{request.ip}") # vuln: CWE-117
  204
end

def share_code
  Random.new.rand(36**10).to_s(36) # vuln: CWE-330
end

def share_code_safe
  SecureRandom.urlsafe_base64(16) # safe: CWE-330
end

def checksum(path)
  Digest::SHA1.file(path).hexdigest # vuln: CWE-328
end

def encrypt(data, key)
  cipher = OpenSSL::Cipher.new("des-cbc") # vuln: CWE-327
  cipher.encrypt
  cipher.key = key
  cipher.iv = "\0" * 8 # vuln: CWE-329
  cipher.update(data) + cipher.final
end

def encrypt_safe(data, key)
  cipher = OpenSSL::Cipher.new("aes-256-gcm") # safe: CWE-327
  cipher.encrypt
  cipher.key = key
  iv = cipher.random_iv # safe: CWE-329
  iv + cipher.update(data) + cipher.final + cipher.auth_tag
end

def spool(data)
  path = "/tmp/files-spool-#{Process.pid}"
  File.write(path, data)
  File.chmod(0o777, path) # vuln: CWE-732
  path
end

def spool_safe(data)
  file = Tempfile.new("files-spool") # safe: CWE-377
  file.write(data)
  File.chmod(0o600, file.path) # safe: CWE-732
  file.path
end
