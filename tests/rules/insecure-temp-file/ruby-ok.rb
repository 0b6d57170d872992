# bastion-fixture: app/services/csv_export.rb
# ok: insecure-temp-file
require "tempfile"

class CsvExport
  def write(rows)
    Tempfile.create(["export", ".csv"]) { |f| f.write(rows); f.path }
  end
end
