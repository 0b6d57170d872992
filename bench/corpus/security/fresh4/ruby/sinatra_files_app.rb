# frozen_string_literal: true

require "sinatra/base"
require "net/http"
require "uri"
require "json"

class FilesApp < Sinatra::Base
  UPLOAD_ROOT = File.expand_path(ENV.fetch("UPLOAD_ROOT", "/var/app/uploads"))
  WEBHOOK_HOSTS = %w[hooks.slack.com api.pagerduty.com].freeze

  helpers do
    def user_dir
      File.join(UPLOAD_ROOT, request.env["app.user_id"].to_s)
    end

    def json_body
      @json_body ||= JSON.parse(request.body.read)
    end
  end

  get "/files/:name" do
    path = File.join(user_dir, params[:name])
    halt 404 unless File.exist?(path)
    send_file path  # vuln: CWE-22
  end

  get "/shared/*" do
    requested = File.expand_path(params["splat"].first, File.join(UPLOAD_ROOT, "shared"))
    halt 403 unless requested.start_with?(File.join(UPLOAD_ROOT, "shared") + File::SEPARATOR)
    halt 404 unless File.file?(requested)
    send_file requested  # safe: CWE-22
  end

  delete "/files/:name" do
    name = File.basename(params[:name])
    target = File.join(user_dir, name)
    File.delete(target) if File.file?(target)
    status 204
  end

  post "/preview-link" do
    link = json_body["url"].to_s
    uri = URI.parse(link)
    body = Net::HTTP.get(uri)  # vuln: CWE-918
    title = body[%r{<title>(.*?)</title>}im, 1]
    content_type :json
    { title: title }.to_json
  end

  post "/notify" do
    uri = URI.parse(json_body["webhook"].to_s)
    halt 422 unless uri.is_a?(URI::HTTPS) && WEBHOOK_HOSTS.include?(uri.host)
    res = Net::HTTP.post(uri, { text: "Upload complete" }.to_json, "Content-Type" => "application/json")  # safe: CWE-918
    content_type :json
    { delivered: res.is_a?(Net::HTTPSuccess) }.to_json
  end

  post "/quota/estimate" do
    formula = json_body.fetch("formula", "used / limit")
    used = Dir.glob(File.join(user_dir, "**", "*")).sum { |f| File.size(f) }
    limit = 5 * 1024 * 1024 * 1024
    ratio = eval(formula, binding)  # vuln: CWE-95
    content_type :json
    { used: used, limit: limit, ratio: ratio }.to_json
  end
end
