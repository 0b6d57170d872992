// bastion-fixture: src/main/java/com/acme/store/domain/Review.java
package com.acme.store.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "reviews")
public class Review {
    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "product_id")
// expect: foreign-key-not-indexed
    private Product product;

    @Column(nullable = false)
    private int rating;
}
