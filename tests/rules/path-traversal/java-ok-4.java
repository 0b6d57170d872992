// bastion-fixture: src/main/java/com/example/media/MediaUploadController.java
// ok: path-traversal
package com.example.media;

import static com.example.common.PathWords.PARENT_STEP;
import static com.example.common.PathWords.FOLDER_SEPARATOR;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class MediaUploadController {
    private final String mediaRoot = "/srv/media";

    @PostMapping("/media/folder")
    public String makeFolder(@RequestParam String folder) throws Exception {
        File root = new File(mediaRoot).getCanonicalFile();
        // Canonical where it is built, checked to stay under the root before any use.
        File target = new File(mediaRoot + File.separator + folder).getCanonicalFile();
        if (!target.toPath().startsWith(root.toPath())) {
            throw new IllegalArgumentException("folder outside the media root");
        }
        target.mkdirs();
        return target.getName();
    }

    @PostMapping("/media/read")
    public byte[] read(@RequestParam String name) throws Exception {
        Path base = Paths.get(mediaRoot).toRealPath();
        Path wanted = Paths.get(mediaRoot, name).normalize();
        if (!wanted.startsWith(base)) throw new SecurityException("outside");
        return Files.readAllBytes(wanted);
    }

    @PostMapping("/media/notes")
    public String notes(@RequestParam String lang) throws Exception {
        String file = "notes_" + lang + ".txt";
        // Constants of the project's string utilities: `..` and `/`.
        if (file.contains(PARENT_STEP) || file.contains(FOLDER_SEPARATOR)) {
            throw new IllegalArgumentException("bad name");
        }
        return Files.readString(new File(mediaRoot, file).toPath());
    }
}
