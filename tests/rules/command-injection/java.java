// bastion-fixture: src/main/java/com/acme/Convert.java
class Convert {
  @PostMapping("/convert")
  void run(@RequestParam String name) throws IOException {
// expect: command-injection
    Runtime.getRuntime().exec("convert " + name + " out.png");
  }
}
