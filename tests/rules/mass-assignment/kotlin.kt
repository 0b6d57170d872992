// bastion-fixture: src/main/kotlin/com/acme/accounts/AccountController.kt
package com.acme.accounts

import org.springframework.beans.BeanUtils
import org.springframework.web.bind.annotation.*

class UserAccount(
    var id: Long? = null,
    var email: String = "",
    var role: String = "CUSTOMER",
)

@RestController
class AccountController(private val accounts: AccountRepository) {
    @PutMapping("/accounts/{id}")
    fun replace(@PathVariable id: Long, @RequestBody patch: UserAccount): UserAccount {
        val existing = accounts.findById(id).orElseThrow()
// expect: mass-assignment
        BeanUtils.copyProperties(patch, existing, "id")
        return accounts.save(existing)
    }
}
