// bastion-fixture: src/main/java/com/example/files/AttachmentController.java
package com.example.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AttachmentController {
    private static final Path FILES = Paths.get("/srv/files");
    private final AttachmentService attachments;

    public AttachmentController(AttachmentService attachments) {
        this.attachments = attachments;
    }

    @GetMapping("/attachments")
    public byte[] read(@RequestParam String name) throws Exception {
        // The service maps the name to a stored file; its code is not in this change.
        String stored = attachments.storedPathFor(name);
        // expect: path-traversal
        byte[] kept = Files.readAllBytes(Paths.get(stored));
        // A method of a constant path hands the name on: inline.
        // expect: path-traversal
        byte[] local = Files.readAllBytes(FILES.resolve(name));
        // expect: path-traversal
        return Files.readAllBytes(Paths.get("/srv/files", String.format("%s.bin", name.trim())));
    }
}
