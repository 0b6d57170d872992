// bastion-fixture: src/main/java/com/acme/Preview.java
// ok: ssrf
class Preview {
  String preview(@RequestParam String id) {
    return restTemplate.getForObject(BASE + "/items/" + id, String.class);
  }
}
