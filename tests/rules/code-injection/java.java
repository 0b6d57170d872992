// bastion-fixture: src/main/java/A.java
class A {
  @GetMapping("/x")
  Object x(@RequestParam String e) {
// expect: code-injection
    return parser.parseExpression(e);
  }
}
