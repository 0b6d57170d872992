// bastion-fixture: src/main/kotlin/com/acme/shipping/entity/Parcel.kt
package com.acme.shipping.entity

import jakarta.persistence.Column
import jakarta.persistence.Entity
import jakarta.persistence.GeneratedValue
import jakarta.persistence.Id
import jakarta.persistence.Table

@Entity
@Table(name = "parcels")
class Parcel(
    @Id @GeneratedValue val id: Long? = null,
    @Column(name = "tracking_code", nullable = false, unique = true) val trackingCode: String = "",
    @Column(nullable = false) val carrier: String = "",
    @Column(name = "warehouse_id") val warehouseId: Long = 0,
)
