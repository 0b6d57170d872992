// bastion-fixture: src/main/kotlin/com/acme/accounts/repo/AccountRepository.kt
// bastion-repo: entity.repo.kt
// ok: function-predicate-without-index
package com.acme.accounts.repo

import com.acme.accounts.domain.Account
import org.springframework.data.jpa.repository.JpaRepository

interface AccountRepository : JpaRepository<Account, Long> {
    fun findByEmail(email: String): Account?
}
