# frozen_string_literal: true

require "sinatra/base"
require "sinatra/json"
require "securerandom"
require "fileutils"
require "open3"

class AttachmentsApp < Sinatra::Base
  helpers Sinatra::JSON

  STORAGE_ROOT = File.expand_path(ENV.fetch("ATTACHMENT_ROOT", "/var/lib/helpdesk/attachments"))
  THUMB_SIZES = { "small" => "120x120", "medium" => "480x480" }.freeze

  configure do
    set :max_upload_bytes, 20 * 1024 * 1024
  end

  helpers do
    def ticket_dir(ticket_id)
      File.join(STORAGE_ROOT, ticket_id.to_i.to_s)
    end

    def stored_path(ticket_id, name)
      File.join(ticket_dir(ticket_id), name)
    end
  end

  post "/tickets/:ticket_id/attachments" do
    upload = params[:file]
    halt 400, json(error: "file missing") unless upload && upload[:tempfile]

    FileUtils.mkdir_p(ticket_dir(params[:ticket_id]))
    stored_name = "#{SecureRandom.hex(8)}#{File.extname(upload[:filename]).downcase}"
    FileUtils.cp(upload[:tempfile].path, stored_path(params[:ticket_id], stored_name))
    json(name: stored_name, original: upload[:filename])
  end

  get "/tickets/:ticket_id/attachments/:name" do
    path = stored_path(params[:ticket_id], params[:name])
    halt 404 unless File.file?(path)
    send_file path, disposition: "attachment" # vuln: CWE-22
  end

  get "/tickets/:ticket_id/inline" do
    base = ticket_dir(params[:ticket_id])
    full = File.expand_path(params[:file].to_s, base)
    halt 400 unless full.start_with?(base + File::SEPARATOR)
    halt 404 unless File.file?(full)
    send_file full, disposition: "inline" # safe: CWE-22
  end

  post "/tickets/:ticket_id/attachments/:name/thumbnail" do
    size = THUMB_SIZES.fetch(params[:size], "120x120")
    source = stored_path(params[:ticket_id], File.basename(params[:name]))
    target = source.sub(/(\.\w+)?\z/, "-#{size}.png")
    _out, err, status = Open3.capture3("convert", source, "-thumbnail", size, target) # safe: CWE-78
    halt 500, json(error: err) unless status.success?
    json(thumbnail: File.basename(target))
  end

  post "/tickets/:ticket_id/attachments/:name/scan" do
    path = stored_path(params[:ticket_id], params[:name])
    engine = params.fetch("engine", "clamdscan")
    report = `#{engine} --no-summary #{path} 2>&1` # vuln: CWE-78
    json(clean: $?.success?, report: report.lines.last.to_s.strip)
  end

  get "/tickets/:ticket_id/export" do
    ticket_id = params[:ticket_id].to_i
    csv_path = "/tmp/ticket-#{ticket_id}-attachments.csv"
    File.open(csv_path, "w") do |f| # vuln: CWE-377
      Dir.children(ticket_dir(ticket_id)).sort.each do |entry|
        f.puts [entry, File.size(File.join(ticket_dir(ticket_id), entry))].join(",")
      end
    end
    send_file csv_path, type: "text/csv", filename: "ticket-#{ticket_id}.csv"
  end
end
