// bastion-fixture: src/main/java/com/shop/UserController.java
@RestController
@RequestMapping("/api/users")
public class UserController {
    @GetMapping("/{id}/reset")
    public User reset(@PathVariable long id) {
        User user = userRepository.findById(id).orElseThrow();
        user.setToken(null);
// expect: get-handler-writes
        return userRepository.save(user);
    }
}
