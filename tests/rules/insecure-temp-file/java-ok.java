// bastion-fixture: src/main/java/com/acme/export/CsvExport.java
// ok: insecure-temp-file
package com.acme.export;

import java.nio.file.Files;
import java.nio.file.Path;

public class CsvExport {
    Path write(String rows) throws Exception {
        Path out = Files.createTempFile("export", ".csv");
        Files.writeString(out, rows);
        return out;
    }
}
