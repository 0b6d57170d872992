// bastion-fixture: app/services/Exporter.scala
// ok: permissive-file-mode
package services

import java.io.File
import java.nio.file.{Files, Path}
import java.nio.file.attribute.PosixFilePermissions

class Exporter {
  def publish(path: Path, file: File): Unit = {
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-x---"))
    file.setWritable(true, true)
  }
}
