// bastion-fixture: src/main/java/com/acme/Convert.java
class Convert {
  void run(String name) throws IOException {
// expect: command-injection
    Runtime.getRuntime().exec("convert " + name + " out.png");
  }
}
