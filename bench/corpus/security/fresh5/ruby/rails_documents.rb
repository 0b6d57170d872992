# frozen_string_literal: true

require "open3"
require "base64"

class DocumentsController < ApplicationController
  before_action :authenticate_user!

  STORAGE_DIR = Rails.root.join("storage", "documents").to_s.freeze

  def download
    path = Rails.root.join("storage", "documents", params[:filename])
    send_file path, disposition: "attachment" # vuln: CWE-22
  end

  def preview
    path = DocumentPath.resolve(params[:name])
    return head(:bad_request) unless path

    text, status = Open3.capture2("pdftotext", "-l", "3", path, "-") # safe: CWE-78
    return head(:unprocessable_entity) unless status.success?

    render plain: text.truncate(20_000)
  end

  def inline
    path = DocumentPath.resolve(params[:name])
    return head(:not_found) unless path && File.file?(path)

    send_file path, disposition: "inline", type: "application/pdf" # safe: CWE-22
  end

  def bundle
    names = Array(params[:files]).join(" ")
    archive = "/tmp/bundle-#{current_user.id}.zip"
    Dir.chdir(STORAGE_DIR) do
      `zip -q #{archive} #{names}` # vuln: CWE-78
    end
    send_file archive, filename: "documents.zip"
  end

  def layout
    prefs = load_layout_prefs
    render json: { columns: prefs.fetch(:columns, %w[name size]), sort: prefs[:sort] }
  end

  private

  def load_layout_prefs
    raw = cookies[:doc_layout]
    return {} if raw.blank?

    Marshal.load(Base64.urlsafe_decode64(raw)) # vuln: CWE-502
  rescue ArgumentError, TypeError
    {}
  end
end

module DocumentPath
  module_function

  def resolve(name)
    return nil if name.blank?

    base = File.expand_path(DocumentsController::STORAGE_DIR)
    candidate = File.expand_path(File.basename(name.to_s), base)
    candidate.start_with?(base + File::SEPARATOR) ? candidate : nil
  end
end
