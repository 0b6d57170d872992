// bastion-fixture: src/main/java/com/example/export/ExportController.java
// ok: path-traversal
package com.example.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ExportController {
    private static final Path EXPORTS = Paths.get("/srv/exports");

    @GetMapping("/exports")
    public byte[] download(@RequestParam String name) throws Exception {
        // Throws for a name with a separator or `..`: past it, the name is one file name.
        NameRules.verifyExportName(name);
        return Files.readAllBytes(EXPORTS.resolve(name));
    }
}
