# bastion-fixture: app/services/exporter.rb
require "fileutils"

class Exporter
  def publish(path)
# expect: permissive-file-mode
    File.chmod(0777, path)
# expect: permissive-file-mode
    FileUtils.chmod(0o666, path)
# expect: permissive-file-mode
    FileUtils.mkdir_p(File.dirname(path), mode: 0777)
# expect: permissive-file-mode
    File.umask(0)
  end
end
