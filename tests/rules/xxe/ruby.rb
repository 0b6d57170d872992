# bastion-fixture: app/services/import.rb
# expect: xxe
doc = Nokogiri::XML(body) { |config| config.strict.noent }
