// bastion-fixture: src/main/kotlin/com/acme/accounts/repo/AccountRepository.kt
// bastion-repo: entity.repo.kt
package com.acme.accounts.repo

import com.acme.accounts.domain.Account
import org.springframework.data.jpa.repository.JpaRepository

interface AccountRepository : JpaRepository<Account, Long> {
// expect: function-predicate-without-index
    fun findByEmailIgnoreCase(email: String): Account?
}
