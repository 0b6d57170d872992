// bastion-fixture: src/main/kotlin/auth/ReturnController.kt
// The template itself is the request's: filling it does not fix its host.
package auth

import org.springframework.http.HttpStatus
import org.springframework.http.ResponseEntity
import org.springframework.web.bind.annotation.GetMapping
import org.springframework.web.bind.annotation.RequestParam
import org.springframework.web.bind.annotation.RestController
import org.springframework.web.util.UriComponentsBuilder

@RestController
class ReturnController {
    @GetMapping("/sso/return")
    fun back(@RequestParam next: String, @RequestParam state: String): ResponseEntity<Any> =
// expect: open-redirect
        ResponseEntity.status(HttpStatus.FOUND).location(UriComponentsBuilder.fromHttpUrl(next).buildAndExpand(state).toUri())
            .build()
}
