// bastion-fixture: src/main/java/com/acme/SessionController.java
class SessionController {
  @PostMapping("/session")
  Object restore(HttpServletRequest req) throws Exception {
    ObjectInputStream in = new ObjectInputStream(req.getInputStream());
// expect: unsafe-deserialization
    return in.readObject();
  }
}
