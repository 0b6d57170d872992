// bastion-fixture: src/main/kotlin/com/shop/AccountController.kt
@RestController
class AccountController {
    @GetMapping("/paymentMethods")
    fun methods(): List<Method> = listOf()
    @GetMapping("/orderItems")
    fun items(): List<Item> = listOf()
// expect: inconsistent-route-naming
    @GetMapping("/user-profiles")
    fun profiles(): List<Profile> = listOf()
}
