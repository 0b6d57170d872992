// bastion-fixture: src/main/java/com/acme/billing/repo/SubscriptionRepository.java
// bastion-repo: entity.repo.java
// ok: query-on-unindexed-column
package com.acme.billing.repo;

import com.acme.billing.domain.Subscription;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SubscriptionRepository extends JpaRepository<Subscription, Long> {
    List<Subscription> findByCustomerId(Long customerId);
}
