# frozen_string_literal: true

require "erb"
require "base64"

class NewslettersController < ApplicationController
  before_action :require_login
  before_action :load_newsletter, only: %i[show preview send_test]

  DEFAULT_PREFS = { "layout" => "single", "accent" => "#2255aa", "show_footer" => true }.freeze

  def index
    @newsletters = current_account.newsletters.order(updated_at: :desc).limit(100)
    @prefs = editor_prefs
  end

  def show
    @subscriber_count = @newsletter.list.subscribers.active.count
  end

  def preview
    subscriber = @newsletter.list.subscribers.active.first || Subscriber.new(first_name: "Alex")
    first_name = subscriber.first_name
    unsubscribe_url = unsubscribe_url(token: "preview")
    body = ERB.new(params[:body].presence || @newsletter.body).result(binding) # vuln: CWE-1336
    render html: body.html_safe, layout: "newsletter_preview"
  end

  def headline
    title = params[:title].to_s
    subtitle = params[:subtitle].to_s
    markup = "<h1 class=\"nl-title\">#{title}</h1><p class=\"nl-sub\">#{ERB::Util.html_escape(subtitle)}</p>"
    render html: markup.html_safe # vuln: CWE-79
  end

  def footer
    company = ERB::Util.html_escape(current_account.company_name)
    note = ERB::Util.html_escape(params[:note].to_s)
    render html: "<footer>#{company} &middot; #{note}</footer>".html_safe # safe: CWE-79
  end

  def send_test
    NewsletterMailer.with(newsletter: @newsletter, to: current_user.email).test_issue.deliver_later
    redirect_to newsletter_path(@newsletter), notice: "Test sent to #{current_user.email}"
  end

  def save_prefs
    prefs = editor_prefs.merge(params.permit(:layout, :accent, :show_footer).to_h)
    cookies[:nl_prefs] = { value: JSON.generate(prefs), expires: 1.year, httponly: true, secure: true }
    head :no_content
  end

  def import_draft
    encoded = cookies[:nl_draft].to_s
    draft = Marshal.load(Base64.strict_decode64(encoded)) # vuln: CWE-502
    @newsletter = current_account.newsletters.build(subject: draft[:subject], body: draft[:body])
    render :new
  end

  private

  def load_newsletter
    @newsletter = current_account.newsletters.find(params[:id])
  end

  def editor_prefs
    raw = cookies[:nl_prefs]
    return DEFAULT_PREFS.dup if raw.blank?

    DEFAULT_PREFS.merge(JSON.parse(raw)) # safe: CWE-502
  rescue JSON::ParserError
    DEFAULT_PREFS.dup
  end
end
