// bastion-fixture: src/main/java/com/example/media/MediaExportController.java
package com.example.media;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class MediaExportController {
    private final String mediaRoot = "/srv/media";

    @PostMapping("/export/folder")
    public String makeFolder(@RequestParam String folder) throws Exception {
        File root = new File(mediaRoot).getCanonicalFile();
        // Not canonical: `a/../../etc` still starts with the root's text.
        // expect: path-traversal
        File target = new File(mediaRoot + File.separator + folder);
        if (!target.getPath().startsWith(root.getPath())) {
            throw new IllegalArgumentException("folder outside the media root");
        }
        target.mkdirs();
        return target.getName();
    }

    @PostMapping("/export/read")
    public byte[] read(@RequestParam String name) throws Exception {
        Path base = Paths.get(mediaRoot).toRealPath();
        // Canonical, but the check only logs.
        Path wanted = Paths.get(mediaRoot, name).normalize();
        if (!wanted.startsWith(base)) {
            System.err.println("outside");
        }
        // expect: path-traversal
        return Files.readAllBytes(wanted);
    }

    @PostMapping("/export/notes")
    public String notes(@RequestParam String lang) throws Exception {
        String file = "notes_" + lang + ".txt";
        if (file.contains(EXTENSION)) {
            throw new IllegalArgumentException("bad name");
        }
        // expect: path-traversal
        return Files.readString(new File(mediaRoot, file).toPath());
    }
}
