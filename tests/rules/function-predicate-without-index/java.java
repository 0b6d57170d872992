// bastion-fixture: src/main/java/com/acme/accounts/repo/AccountRepository.java
// bastion-repo: entity.repo.java
package com.acme.accounts.repo;

import com.acme.accounts.domain.Account;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AccountRepository extends JpaRepository<Account, Long> {
// expect: function-predicate-without-index
    Optional<Account> findByEmailIgnoreCase(String email);
}
