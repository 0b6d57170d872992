# frozen_string_literal: true

require "open3"
require "base64"
require "json"

module Admin
  class ToolsController < Admin::BaseController
    BACKUP_DIR = Rails.root.join("storage", "backups").to_s
    ALLOWED_TABLES = %w[users orders invoices products].freeze

    def ping_host
      host = params[:host].to_s
      output = `ping -c 3 #{host} 2>&1`  # vuln: CWE-78
      render plain: output
    end

    def dump_table
      table = params[:table].to_s
      return head(:bad_request) unless ALLOWED_TABLES.include?(table)

      file = File.join(BACKUP_DIR, "#{table}-#{Time.now.to_i}.sql")
      db = ActiveRecord::Base.connection_db_config.configuration_hash
      ok = system("pg_dump", "-h", db[:host].to_s, "-t", table, "-f", file, db[:database].to_s)  # safe: CWE-78
      render json: { ok: ok, file: File.basename(file) }
    end

    def compress_logs
      days = params.fetch(:days, 7).to_i.clamp(1, 30)
      files = Dir.glob(Rails.root.join("log", "*.log").to_s).select { |f| File.mtime(f) > days.days.ago }
      stdout, status = Open3.capture2e("tar", "czf", File.join(BACKUP_DIR, "logs.tgz"), *files)  # safe: CWE-78
      render json: { ok: status.success?, out: stdout }
    end

    def restore_settings
      blob = Base64.decode64(params.require(:snapshot))
      settings = Marshal.load(blob)  # vuln: CWE-502
      SiteSetting.apply!(settings)
      render json: { restored: settings.keys }
    end

    def import_settings
      settings = JSON.parse(Base64.decode64(params.require(:snapshot)))  # safe: CWE-502
      SiteSetting.apply!(settings.slice(*SiteSetting::KEYS))
      render json: { imported: settings.size }
    end

    def announcement_preview
      banner = params[:banner].to_s
      @preview_html = "<div class=\"announcement\">#{banner}</div>".html_safe  # vuln: CWE-79
      render :announcement_preview
    end

    def announcement_escaped
      banner = params[:banner].to_s
      body = ERB::Util.html_escape(banner)
      render html: "<div class=\"announcement\">#{body}</div>".html_safe  # safe: CWE-79
    end
  end
end
