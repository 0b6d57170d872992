# frozen_string_literal: true

require "open3"
require "net/http"
require "digest"

class ArticlesController < ApplicationController
  skip_before_action :verify_authenticity_token # vuln: CWE-352
  before_action :authenticate_user!

  SORTABLE = %w[title published_at views].freeze

  def index
    @articles = Article.where("title LIKE '%#{params[:q]}%'") # vuln: CWE-89
    render json: @articles
  end

  def search
    @articles = Article.where("title LIKE ?", "%#{params[:q]}%") # safe: CWE-89
    render json: @articles
  end

  def by_author
    @articles = Article.find_by_sql("SELECT * FROM articles WHERE author_id = #{params[:author_id]}") # vuln: CWE-89
    render json: @articles
  end

  def by_author_safe
    @articles = Article.find_by_sql(["SELECT * FROM articles WHERE author_id = ?", params[:author_id]]) # safe: CWE-89
    render json: @articles
  end

  def sorted
    column = SORTABLE.include?(params[:sort]) ? params[:sort] : "published_at"
    @articles = Article.order("#{column} DESC") # safe: CWE-89
    render json: @articles
  end

  def sorted_unsafe
    @articles = Article.order(params[:sort]) # vuln: CWE-89
    render json: @articles
  end

  def recent
    days = params[:days].to_i
    @articles = Article.where("published_at > now() - interval '#{days} days'") # safe: CWE-89
    render json: @articles
  end

  def create
    @article = Article.new(params.require(:article).permit!) # vuln: CWE-915
    @article.save!
    render json: @article, status: :created
  end

  def update
    @article = Article.find(params[:id])
    @article.update!(article_params) # safe: CWE-915
    render json: @article
  end

  def export
    stdout, _status = Open3.capture2("pandoc -o /tmp/out.pdf articles/#{params[:slug]}.md") # vuln: CWE-78
    send_data stdout
  end

  def export_safe
    stdout, _status = Open3.capture2("pandoc", "-o", "/tmp/out.pdf", "articles/#{File.basename(params[:slug])}.md") # safe: CWE-78
    send_data stdout
  end

  def attachment
    send_file Rails.root.join("storage", "attachments", params[:filename]) # vuln: CWE-22
  end

  def attachment_safe
    name = File.basename(params[:filename])
    send_file Rails.root.join("storage", "attachments", name) # safe: CWE-22
  end

  def preview
    render inline: "<h1>#{params[:title]}</h1>" # vuln: CWE-1336
  end

  def preview_safe
    render plain: params[:title] # safe: CWE-79
  end

  def banner
    render html: "<div class='banner'>#{params[:text]}</div>".html_safe # vuln: CWE-79
  end

  def go_back
    redirect_to params[:return_to] # vuln: CWE-601
  end

  def go_home
    redirect_to articles_path # safe: CWE-601
  end

  def fetch_embed
    body = Net::HTTP.get(URI(params[:embed_url])) # vuln: CWE-918
    render json: { size: body.bytesize }
  end

  def dynamic_action
    result = Article.public_send(params[:scope]) # vuln: CWE-94
    render json: result
  end

  def typed_scope
    klass = params[:type].constantize # vuln: CWE-94
    render json: klass.all
  end

  def preferences
    prefs = Marshal.load(Base64.decode64(cookies[:prefs])) # vuln: CWE-502
    render json: prefs
  end

  def preferences_json
    prefs = JSON.parse(cookies[:prefs] || "{}") # safe: CWE-502
    render json: prefs
  end

  def audit
    Rails.logger.info("article viewed by #{params[:visitor]}") # vuln: CWE-117
    head :no_content
  end

  private

  def article_params
    params.require(:article).permit(:title, :body, :published_at)
  end

  def legacy_digest(password)
    Digest::MD5.hexdigest(password) # vuln: CWE-328
  end

  def etag_for(body)
    Digest::SHA256.hexdigest(body) # safe: CWE-328
  end
end
