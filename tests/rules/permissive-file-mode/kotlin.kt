// bastion-fixture: src/main/kotlin/com/acme/store/Exporter.kt
package com.acme.store

import java.io.File
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermission
import java.nio.file.attribute.PosixFilePermissions

class Exporter {
    fun publish(path: Path, file: File) {
// expect: permissive-file-mode
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw-rw-"))
// expect: permissive-file-mode
        file.setWritable(true, false)
// expect: permissive-file-mode
        val perms = setOf(PosixFilePermission.OWNER_READ, PosixFilePermission.OTHERS_WRITE)
        Files.setPosixFilePermissions(path, perms)
    }
}
