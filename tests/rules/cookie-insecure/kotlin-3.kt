// bastion-fixture: src/main/kotlin/com/acme/web/RememberMeController.kt
package com.acme.web

import org.springframework.http.HttpHeaders
import org.springframework.http.ResponseCookie
import org.springframework.http.ResponseEntity
import org.springframework.web.bind.annotation.*

@RestController
class RememberMeController(private val tokens: TokenService) {
    @PostMapping("/remember-me")
    fun rememberMe(@RequestBody req: RememberMeRequest): ResponseEntity<Void> {
// expect: cookie-insecure
        val cookie = ResponseCookie.from("REMEMBER_ME", tokens.seal(req.customerId))
            .httpOnly(true)
            .secure(false)
            .build()
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cookie.toString()).build()
    }
}
