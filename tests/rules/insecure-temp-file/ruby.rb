# bastion-fixture: app/services/csv_export.rb
class CsvExport
  def write(rows)
# expect: insecure-temp-file
    File.write("/tmp/export.csv", rows)
  end
end
