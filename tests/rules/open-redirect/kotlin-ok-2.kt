// bastion-fixture: src/main/kotlin/kobo/CoverController.kt
// The redirect target is a configured template; the path variables only fill its slots.
package kobo

import org.springframework.http.HttpStatus
import org.springframework.http.ResponseEntity
import org.springframework.web.bind.annotation.GetMapping
import org.springframework.web.bind.annotation.PathVariable
import org.springframework.web.bind.annotation.RestController
import org.springframework.web.util.UriComponentsBuilder

@RestController
class CoverController(private val proxy: KoboProxy) {
    @GetMapping("/v1/books/{bookId}/thumbnail/{width}/{height}/image.jpg")
    fun cover(@PathVariable bookId: String, @PathVariable width: String, @PathVariable height: String): ResponseEntity<Any> =
// ok: open-redirect
        ResponseEntity.status(HttpStatus.TEMPORARY_REDIRECT)
            .location(UriComponentsBuilder.fromHttpUrl(proxy.imageHostUrl).buildAndExpand(bookId, width, height).toUri())
            .build()
}
