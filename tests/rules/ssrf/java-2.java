// bastion-fixture: src/main/java/com/acme/web/MirrorController.java
package com.acme.web;

@RestController
class MirrorController {
  private final RestTemplate restTemplate = new RestTemplate();

  // RestTemplate's `execute` sends an HTTP request to the URL it is given.
  @GetMapping("/mirror")
  void mirror(@RequestParam String src, HttpServletResponse out) {
// expect: ssrf
    restTemplate.execute(src, HttpMethod.GET, null, reply -> {
      StreamUtils.copy(reply.getBody(), out.getOutputStream());
      return null;
    });
  }
}
