// bastion-fixture: src/main/java/com/shop/UserController.java
// ok: get-handler-writes
@RestController
@RequestMapping("/api/users")
public class UserController {
    @PostMapping("/{id}/reset")
    public User reset(@PathVariable long id) {
        return userRepository.save(userRepository.findById(id).orElseThrow());
    }

    @GetMapping
    public List<User> all() { return userRepository.findAll(); }
}
