# bastion-fixture: lib/tasks/exporter.rb
# ok: permissive-file-mode
class Exporter
  def publish(path)
    File.chmod(0640, path)
    FileUtils.chmod(0o755, "bin/run")
  end
end
