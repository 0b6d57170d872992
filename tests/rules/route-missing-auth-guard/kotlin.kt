// bastion-fixture: src/main/kotlin/com/acme/UserController.kt
@RestController
class UserController {
    @Secured("ROLE_USER") @GetMapping("/a") fun a() = 1
    @Secured("ROLE_USER") @GetMapping("/b") fun b() = 2
// expect: route-missing-auth-guard
    @PostMapping("/c") fun c() = 3
}
