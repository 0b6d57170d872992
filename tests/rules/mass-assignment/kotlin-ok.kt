// bastion-fixture: src/main/kotlin/com/acme/accounts/AccountController.kt
// ok: mass-assignment
package com.acme.accounts

import org.springframework.web.bind.annotation.*

class Note(
    var id: Long? = null,
    var title: String = "",
    var body: String = "",
)

@RestController
class NoteController(private val notes: NoteRepository) {
    // The class is in this file and holds nothing a client must not set.
    @PostMapping("/notes")
    fun create(@RequestBody note: Note): Note = notes.save(note)
}
