// bastion-fixture: src/main/java/com/acme/store/Exporter.java
// ok: permissive-file-mode
package com.acme.store;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

public class Exporter {
    void publish(Path path, File file) throws Exception {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r-----"));
        file.setWritable(true, true);
        file.setReadable(true);
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
        if (perms.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IllegalStateException("world-writable " + path);
        }
        Runtime.getRuntime().exec(new String[] {"chmod", "640", path.toString()});
    }
}
