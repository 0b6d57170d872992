// bastion-fixture: src/main/java/A.java
// ok: code-injection
class A {
  @GetMapping("/x")
  Object x(@RequestParam String e) {
    return parser.parseExpression("1 + 1");
  }
}
