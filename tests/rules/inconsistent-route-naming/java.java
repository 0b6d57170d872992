// bastion-fixture: src/main/java/com/shop/AccountController.java
@RestController
public class AccountController {
    @GetMapping("/payment-methods")
    public List<Method> methods() { return List.of(); }
    @GetMapping("/order-items")
    public List<Item> items() { return List.of(); }
// expect: inconsistent-route-naming
    @GetMapping("/user_profiles")
    public List<Profile> profiles() { return List.of(); }
}
