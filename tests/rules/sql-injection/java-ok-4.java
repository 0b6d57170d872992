// bastion-fixture: src/main/java/com/acme/web/MirrorController.java
// ok: sql-injection
package com.acme.web;

@RestController
class MirrorController {
  private final RestTemplate restTemplate = new RestTemplate();
  private final RestTemplate template = new RestTemplate();

  // `execute` on an HTTP client (by its name, or by its HttpMethod argument) is a
  // request, not a SQL statement.
  @GetMapping("/mirror")
  void mirror(@RequestParam String src, HttpServletResponse out) {
    restTemplate.execute(src + "?from=cache", HttpMethod.GET, null, reply -> null);
    template.execute(src, HttpMethod.HEAD, null, reply -> null);
  }
}
