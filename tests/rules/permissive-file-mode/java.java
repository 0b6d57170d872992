// bastion-fixture: src/main/java/com/acme/store/Exporter.java
package com.acme.store;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;

public class Exporter {
    void publish(Path path, File file) throws Exception {
// expect: permissive-file-mode
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxrwxrwx"));
// expect: permissive-file-mode
        file.setWritable(true, false);
        Set<PosixFilePermission> perms = new HashSet<>();
// expect: permissive-file-mode
        perms.add(PosixFilePermission.OTHERS_WRITE);
        Files.setPosixFilePermissions(path, perms);
// expect: permissive-file-mode
        Runtime.getRuntime().exec("chmod 777 " + path);
    }
}
