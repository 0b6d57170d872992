// bastion-fixture: src/main/java/com/shop/UserController.java
// ok: error-with-status-200
@RestController
@RequestMapping("/api/users")
public class UserController {
    @GetMapping("/{id}")
    public ResponseEntity<?> get(@PathVariable long id) {
        if (id < 0) {
            return ResponseEntity.badRequest().body(Map.of("error", "bad id"));
        }
        return ResponseEntity.ok(users.find(id));
    }
}
