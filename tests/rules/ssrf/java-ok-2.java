// bastion-fixture: src/main/java/com/acme/Items.java
// ok: ssrf
class Items {
  @GetMapping("/items/{id}")
  String item(@PathVariable String id) {
    return client.getForObject(props.getBaseUrl() + "/items/" + id, String.class);
  }
  String fetch(String url) {
    return restTemplate.getForObject(url, String.class);
  }
}
