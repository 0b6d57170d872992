// bastion-fixture: src/main/kotlin/com/acme/accounts/domain/Account.kt
package com.acme.accounts.domain

import jakarta.persistence.Column
import jakarta.persistence.Entity
import jakarta.persistence.GeneratedValue
import jakarta.persistence.Id
import jakarta.persistence.Table

@Entity
@Table(name = "accounts")
class Account(
    @Id @GeneratedValue val id: Long? = null,
    @Column(nullable = false, unique = true) val email: String = "",
    @Column(name = "display_name") val displayName: String? = null,
)
