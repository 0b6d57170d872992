# frozen_string_literal: true

require "sinatra/base"
require "json"
require "open3"
require "erb"

class DocumentsApp < Sinatra::Base
  STORAGE_ROOT = File.expand_path(ENV.fetch("DOCS_ROOT", "/srv/docs"))
  SHARED_ROOT = File.join(STORAGE_ROOT, "shared")
  THUMB_SIZES = %w[64x64 128x128 256x256].freeze

  helpers do
    def tenant_dir
      File.join(STORAGE_ROOT, "tenants", request.env["HTTP_X_TENANT"].to_s)
    end

    def json_body
      @json_body ||= JSON.parse(request.body.read)
    rescue JSON::ParserError
      halt 400, { error: "invalid json" }.to_json
    end

    def original_path(id)
      File.join(STORAGE_ROOT, "originals", "#{Integer(id)}.pdf")
    end

    def document_meta(id)
      JSON.parse(File.read(File.join(STORAGE_ROOT, "meta", "#{Integer(id)}.json")))
    end
  end

  get "/documents/download" do
    path = File.join(tenant_dir, params["name"].to_s)
    halt 404 unless File.file?(path)
    send_file path, disposition: "attachment" # vuln: CWE-22
  end

  get "/documents/shared/*" do
    requested = File.expand_path(params["splat"].first, SHARED_ROOT)
    halt 404 unless requested.start_with?(SHARED_ROOT + File::SEPARATOR) && File.file?(requested)
    send_file requested # safe: CWE-22
  end

  post "/documents/:id/thumbnail" do
    size = json_body.fetch("size", "128x128")
    halt 400, "unsupported size" unless THUMB_SIZES.include?(size)
    out, status = Open3.capture2e("convert", "-thumbnail", size, "#{original_path(params[:id])}[0]", "png:-") # safe: CWE-78
    halt 500, "thumbnail failed" unless status.success?
    content_type "image/png"
    out
  end

  post "/documents/:id/watermark" do
    text = json_body["text"].to_s
    source = original_path(params[:id])
    target = source.sub(/\.pdf\z/, "-wm.pdf")
    ok = system("pdfwatermark --opacity 0.3 --text '#{text}' #{source} #{target}") # vuln: CWE-78
    halt 500, { error: "watermark failed" }.to_json unless ok
    content_type :json
    { status: "ok", file: File.basename(target) }.to_json
  end

  post "/documents/:id/cover" do
    doc = document_meta(params[:id])
    template = json_body.fetch("cover_template", "<h1><%= doc['title'] %></h1><p><%= doc['author'] %></p>")
    content_type :html
    ERB.new(template).result(binding) # vuln: CWE-1336
  end
end
