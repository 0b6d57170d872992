# bastion-fixture: app/documents.rb
require "sinatra/base"
require "json"

class Documents < Sinatra::Base
  helpers do
    # A memoised helper returns what its last assignment stored.
    def json_body
      @json_body ||= JSON.parse(request.body.read)
    end
  end

  post "/documents/:id/watermark" do
    text = json_body["text"].to_s
# expect: command-injection
    ok = system("pdfwatermark --text '#{text}' in.pdf out.pdf")
    halt 500 unless ok
  end
end
