// bastion-fixture: src/main/kotlin/com/acme/store/domain/StoreProfile.kt
// ok: foreign-key-not-indexed
package com.acme.store.domain

import jakarta.persistence.Entity
import jakarta.persistence.GeneratedValue
import jakarta.persistence.Id
import jakarta.persistence.JoinColumn
import jakarta.persistence.OneToOne
import jakarta.persistence.Table

// One profile per store: the unique join column is indexed by its constraint.
@Entity
@Table(name = "store_profiles")
class StoreProfile(
    @Id @GeneratedValue val id: Long? = null,
    @OneToOne(optional = false) @JoinColumn(name = "store_id", unique = true) val store: Store,
    val tagline: String? = null,
)
