# bastion-fixture: app/services/exporter.rb
# ok: permissive-file-mode
require "fileutils"

class Exporter
  def publish(path)
    File.chmod(0640, path)
    FileUtils.mkdir_p(File.dirname(path), mode: 0750)
    File.open(path, "w", 0600) { |f| f.write("x") }
    File.umask(0o077)
  end
end
