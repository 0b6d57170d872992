// bastion-fixture: src/main/java/com/acme/web/UserController.java
@RestController
// expect: cors-any-origin-with-credentials
@CrossOrigin(origins = "*", allowCredentials = "true")
class UserController {}
