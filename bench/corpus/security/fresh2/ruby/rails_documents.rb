# app/controllers/documents_controller.rb
require "open3"

class DocumentsController < ApplicationController
  before_action :authenticate_user!

  STORAGE_ROOT = Rails.root.join("storage", "documents").freeze
  THUMB_SIZES = { "small" => "200x200", "medium" => "640x640" }.freeze

  def index
    @documents = current_user.documents
                             .order(updated_at: :desc)
                             .page(params[:page])
                             .per(30)
    respond_to do |format|
      format.html
      format.json { render json: @documents.as_json(only: %i[id title content_type updated_at]) }
    end
  end

  def download
    name = params[:file]
    path = File.join(STORAGE_ROOT, current_user.tenant_slug, name)
    raise ActiveRecord::RecordNotFound unless File.exist?(path)

    send_file path, disposition: "attachment" # vuln: CWE-22
  end

  def preview
    doc = current_user.documents.find(params[:id])
    base = File.expand_path(STORAGE_ROOT.join(current_user.tenant_slug))
    path = File.expand_path(File.join(base, doc.stored_name))
    head :not_found and return unless path.start_with?(base + File::SEPARATOR) && File.file?(path)

    send_file path, type: doc.content_type, disposition: "inline" # safe: CWE-22
  end

  def thumbnail
    doc = current_user.documents.find(params[:id])
    size = THUMB_SIZES.fetch(params[:size], "200x200")
    src = STORAGE_ROOT.join(current_user.tenant_slug, doc.stored_name).to_s
    out = Rails.root.join("tmp", "thumbs", "#{doc.id}-#{size}.png").to_s
    _stdout, stderr, status = Open3.capture3("convert", src, "-thumbnail", size, out) # safe: CWE-78
    return render(plain: stderr, status: :unprocessable_entity) unless status.success?

    send_file out, type: "image/png", disposition: "inline"
  end

  def convert
    doc = current_user.documents.find(params[:id])
    format = params[:format_to] || "pdf"
    src = STORAGE_ROOT.join(current_user.tenant_slug, doc.stored_name)
    outdir = Rails.root.join("tmp", "converted")
    log = `soffice --headless --convert-to #{format} --outdir #{outdir} #{src} 2>&1` # vuln: CWE-78
    Rails.logger.info("conversion finished for document #{doc.id}: #{log.lines.last}")
    redirect_to document_path(doc), notice: "Converted to #{format}"
  end

  def search
    @query = params[:q].to_s
    @documents = current_user.documents.where("title ILIKE ?", "%#{@query}%").limit(25)
    if @documents.empty?
      render html: "<p class=\"empty\">No documents match <strong>#{@query}</strong>.</p>".html_safe # vuln: CWE-79
    else
      render :index
    end
  end
end
