// bastion-fixture: src/main/kotlin/com/acme/export/CsvExport.kt
// ok: insecure-temp-file
package com.acme.export

import java.nio.file.Files
import java.nio.file.Path

class CsvExport {
    fun write(rows: String): Path {
        val out = Files.createTempFile("export", ".csv")
        Files.writeString(out, rows)
        return out
    }
}
