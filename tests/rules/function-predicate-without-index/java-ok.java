// bastion-fixture: src/main/java/com/acme/accounts/repo/AccountRepository.java
// bastion-repo: entity.repo.java
// ok: function-predicate-without-index
package com.acme.accounts.repo;

import com.acme.accounts.domain.Account;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AccountRepository extends JpaRepository<Account, Long> {
    // Callers pass the address lower-cased, as it is stored.
    Optional<Account> findByEmail(String email);
}
