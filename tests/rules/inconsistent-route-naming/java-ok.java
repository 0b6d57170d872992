// bastion-fixture: src/main/java/com/shop/AccountController.java
// ok: inconsistent-route-naming
@RestController
public class AccountController {
    @GetMapping("/payment-methods")
    public List<Method> methods() { return List.of(); }
    @GetMapping("/user-profiles/{profileId}")
    public Profile profile(@PathVariable long profileId) { return null; }
}
