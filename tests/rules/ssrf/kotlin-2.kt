// bastion-fixture: src/main/kotlin/com/acme/web/MirrorController.kt
package com.acme.web

@RestController
class MirrorController(private val restTemplate: RestTemplate) {
    // RestTemplate's `execute` sends an HTTP request to the URL it is given.
    @GetMapping("/mirror")
    fun mirror(@RequestParam src: String): String? {
// expect: ssrf
        return restTemplate.execute(src, HttpMethod.GET, null) { reply -> reply.body.reader().readText() }
    }
}
