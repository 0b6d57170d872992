// bastion-fixture: src/main/java/com/shop/UserController.java
@RestController
@RequestMapping("/api/users")
public class UserController {
    @GetMapping("/{id}")
    public ResponseEntity<?> get(@PathVariable long id) {
        if (id < 0) {
// expect: error-with-status-200
            return ResponseEntity.ok(Map.of("error", "bad id"));
        }
        return ResponseEntity.ok(users.find(id));
    }
}
