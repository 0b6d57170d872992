// bastion-fixture: src/main/kotlin/com/acme/web/MirrorController.kt
// ok: sql-injection
package com.acme.web

@RestController
class MirrorController(private val restTemplate: RestTemplate, private val template: RestTemplate) {
    // `execute` on an HTTP client (by its name, or by its HttpMethod argument) is a
    // request, not a SQL statement.
    @GetMapping("/mirror")
    fun mirror(@RequestParam src: String): String? {
        template.execute("$src?where=all", HttpMethod.HEAD, null) { null }
        return restTemplate.execute(src, HttpMethod.GET, null) { reply -> reply.body.reader().readText() }
    }
}
