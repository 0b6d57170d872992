// bastion-fixture: src/main/kotlin/com/acme/web/RememberMeController.kt
// ok: cookie-insecure
package com.acme.web

import org.springframework.http.HttpHeaders
import org.springframework.http.ResponseCookie
import org.springframework.http.ResponseEntity
import org.springframework.web.bind.annotation.*

@RestController
class RememberMeController(private val tokens: TokenService) {
    @PostMapping("/forget-me")
    fun forget(): ResponseEntity<Void> {
        val cleared = ResponseCookie.from("REMEMBER_ME", "").maxAge(0).path("/").build()
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cleared.toString()).build()
    }

    @PostMapping("/session")
    fun session(@RequestBody req: RememberMeRequest): ResponseEntity<Void> {
        val cookie = ResponseCookie.from("SESSION", tokens.seal(req.customerId)).httpOnly(true).secure(true).build()
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cookie.toString()).build()
    }
}
