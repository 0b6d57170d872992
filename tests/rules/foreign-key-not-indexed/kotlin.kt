// bastion-fixture: src/main/kotlin/com/acme/store/domain/Review.kt
package com.acme.store.domain

import jakarta.persistence.Entity
import jakarta.persistence.GeneratedValue
import jakarta.persistence.Id
import jakarta.persistence.JoinColumn
import jakarta.persistence.ManyToOne
import jakarta.persistence.Table

@Entity
@Table(name = "reviews")
class Review(
    @Id @GeneratedValue val id: Long? = null,
// expect: foreign-key-not-indexed
    @ManyToOne(optional = false) @JoinColumn(name = "product_id") val product: Product,
    val rating: Int = 0,
)
