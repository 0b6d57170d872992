// bastion-fixture: src/main/java/com/acme/web/UserController.java
// ok: cors-any-origin-with-credentials
@CrossOrigin(origins = "*")
class UserController {}
