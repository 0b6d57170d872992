// bastion-fixture: app/services/CsvExport.scala
package services

import java.io.{File, PrintWriter}

class CsvExport {
  def write(rows: String): File = {
// expect: insecure-temp-file
    val out = new File("/tmp/export.csv")
    val w = new PrintWriter(out)
    try w.write(rows) finally w.close()
    out
  }
}
