// bastion-fixture: src/main/kotlin/com/shop/AccountController.kt
// ok: inconsistent-route-naming
@RestController
class AccountController {
    @GetMapping("/paymentMethods")
    fun methods(): List<Method> = listOf()
    @GetMapping("/orderItems")
    fun items(): List<Item> = listOf()
    @GetMapping("/profiles")
    fun profiles(): List<Profile> = listOf()
}
