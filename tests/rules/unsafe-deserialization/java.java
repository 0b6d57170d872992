// bastion-fixture: src/main/java/com/acme/SessionController.java
class SessionController {
  @PostMapping("/session")
  Object restore(HttpServletRequest req) throws Exception {
// expect: unsafe-deserialization
    ObjectInputStream in = new ObjectInputStream(req.getInputStream());
    return in.readObject();
  }
}
