// bastion-fixture: src/main/java/com/acme/Convert.java
// ok: command-injection
class Convert {
  void run(String name) throws IOException {
    Runtime.getRuntime().exec("convert " + name + " out.png");
  }
  @PostMapping("/thumb")
  void thumb(@RequestParam long id) throws IOException {
    Runtime.getRuntime().exec("thumb " + id);
  }
}
