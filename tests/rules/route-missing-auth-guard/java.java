// bastion-fixture: src/main/java/com/acme/UserController.java
@RestController
@RequestMapping("/users")
class UserController {
  @PreAuthorize("hasRole('ADMIN')")
  @GetMapping
  List<User> list() { return repo.findAll(); }

  @GetMapping("/{id}")
  @PreAuthorize("isAuthenticated()")
  User get(@PathVariable long id) { return repo.find(id); }

// expect: route-missing-auth-guard
  @DeleteMapping("/{id}")
  void delete(@PathVariable long id) { repo.delete(id); }
}
