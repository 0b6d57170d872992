# bastion-fixture: lib/tasks/exporter.rb
class Exporter
  def publish(path)
# expect: permissive-file-mode
    File.chmod(0777, path)
  end
end
