// bastion-fixture: src/main/java/com/acme/billing/domain/Subscription.java
package com.acme.billing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "subscriptions", indexes = @Index(name = "idx_subscriptions_customer", columnList = "customer_id"))
public class Subscription {
    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false)
    private Long customerId;

    @Column(nullable = false)
    private String plan;

    @Column(name = "renews_at")
    private Instant renewsAt;
}
