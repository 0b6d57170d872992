// bastion-fixture: src/main/kotlin/com/acme/export/CsvExport.kt
package com.acme.export

import java.io.File

class CsvExport {
    fun write(rows: String): File {
// expect: insecure-temp-file
        val out = File("/tmp/export.csv")
        out.writeText(rows)
        return out
    }
}
