// bastion-fixture: src/main/java/demo/NosqlInjection.java
class NosqlInjection {
  @GetMapping("/x")
  String handle(@RequestParam String v, HttpServletResponse response, HttpSession session) throws Exception {
// expect: nosql-injection
    collection.find(Document.parse(v));
    return "ok";
  }
}
