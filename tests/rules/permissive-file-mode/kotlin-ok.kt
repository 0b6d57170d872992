// bastion-fixture: src/main/kotlin/com/acme/store/Exporter.kt
// ok: permissive-file-mode
package com.acme.store

import java.io.File
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermission
import java.nio.file.attribute.PosixFilePermissions

class Exporter {
    fun publish(path: Path, file: File) {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r-----"))
        file.setWritable(true, true)
        check(PosixFilePermission.OTHERS_WRITE !in Files.getPosixFilePermissions(path))
    }
}
