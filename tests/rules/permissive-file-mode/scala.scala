// bastion-fixture: app/services/Exporter.scala
package services

import java.io.File
import java.nio.file.{Files, Path}
import java.nio.file.attribute.PosixFilePermissions

class Exporter {
  def publish(path: Path, file: File): Unit = {
// expect: permissive-file-mode
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxrwxrwx"))
// expect: permissive-file-mode
    file.setWritable(true, false)
  }
}
