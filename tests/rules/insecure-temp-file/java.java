// bastion-fixture: src/main/java/com/acme/export/CsvExport.java
package com.acme.export;

import java.io.File;
import java.io.FileWriter;

public class CsvExport {
    File write(String rows) throws Exception {
// expect: insecure-temp-file
        try (FileWriter out = new FileWriter("/tmp/export.csv")) {
            out.write(rows);
        }
// expect: insecure-temp-file
        return new File(System.getProperty("java.io.tmpdir"), "export.csv");
    }
}
