// bastion-fixture: src/main/java/demo/NosqlInjection.java
class NosqlInjection {
  @GetMapping("/x")
  String handle(@RequestParam String v, HttpServletResponse response, HttpSession session) throws Exception {
// ok: nosql-injection
    collection.find(Document.parse("{\"active\": true}"));
    return "ok";
  }
}
