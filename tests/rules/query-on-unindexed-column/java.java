// bastion-fixture: src/main/java/com/acme/billing/repo/SubscriptionRepository.java
// bastion-repo: entity.repo.java
package com.acme.billing.repo;

import com.acme.billing.domain.Subscription;
import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SubscriptionRepository extends JpaRepository<Subscription, Long> {
// expect: query-on-unindexed-column
    List<Subscription> findByRenewsAtBefore(Instant cutoff);
}
