// bastion-fixture: src/main/java/com/acme/UserController.java
// ok: route-missing-auth-guard
@RestController
@PreAuthorize("isAuthenticated()")
class UserController {
  @GetMapping List<User> list() { return repo.findAll(); }
  @GetMapping("/{id}") User get(@PathVariable long id) { return null; }
  @DeleteMapping("/{id}") void delete(@PathVariable long id) { }
}
