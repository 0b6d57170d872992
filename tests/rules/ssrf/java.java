// bastion-fixture: src/main/java/com/acme/Preview.java
class Preview {
  @GetMapping("/preview")
  String preview(@RequestParam String url) {
// expect: ssrf
    return restTemplate.getForObject(url, String.class);
  }
}
