# bastion-fixture: app/services/import.rb
# ok: xxe
doc = Nokogiri::XML(body) { |config| config.strict.nonet }
