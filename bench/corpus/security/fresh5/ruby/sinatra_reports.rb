# frozen_string_literal: true

require "sinatra/base"
require "mongo"
require "json"
require "rack/utils"

class ReportsApp < Sinatra::Base
  set :mongo, Mongo::Client.new(ENV.fetch("MONGO_URL"), database: "reports")

  helpers do
    def reports
      settings.mongo[:reports]
    end

    def h(text)
      Rack::Utils.escape_html(text.to_s)
    end

    def row_html(doc)
      "<tr><td>#{h(doc['title'])}</td><td>#{doc['total'].to_f.round(2)}</td></tr>"
    end
  end

  get "/reports" do
    owner = params[:owner].to_s
    docs = reports.find(owner: owner, archived: false).limit(50) # safe: CWE-943
    rows = docs.map { |d| row_html(d) }.join
    content_type :html
    "<h1>Reports for #{h(owner)}</h1><table>#{rows}</table>" # safe: CWE-79
  end

  get "/reports/search" do
    term = params[:q].to_s
    filter = { "$where" => "this.title.indexOf('#{term}') >= 0" }
    docs = reports.find(filter).limit(50).to_a # vuln: CWE-943
    content_type :html
    body = docs.map { |d| row_html(d) }.join
    "<p>Results for <b>#{term}</b></p><table>#{body}</table>" # vuln: CWE-79
  end

  get "/reports/:id.json" do
    content_type :json
    id = BSON::ObjectId.from_string(params[:id])
    doc = reports.find(_id: id).first
    halt 404, { error: "not found" }.to_json unless doc
    doc.slice("title", "total", "owner").to_json
  rescue BSON::Error::InvalidObjectId
    halt 400, { error: "bad id" }.to_json
  end
end
