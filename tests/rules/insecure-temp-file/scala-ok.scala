// bastion-fixture: app/services/CsvExport.scala
// ok: insecure-temp-file
package services

import java.nio.file.{Files, Path}

class CsvExport {
  def write(rows: String): Path = {
    val out = Files.createTempFile("export", ".csv")
    Files.writeString(out, rows)
    out
  }
}
