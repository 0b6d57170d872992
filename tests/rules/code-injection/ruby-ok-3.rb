# bastion-fixture: script/rebuild_fixtures.rb
# ok: code-injection
# A maintenance script run by hand: it evaluates the repository's own fixture
# recipes, never a request.
recipe = File.read(ARGV.fetch(0))
records = eval(recipe)
records.each { |row| puts row.inspect }
