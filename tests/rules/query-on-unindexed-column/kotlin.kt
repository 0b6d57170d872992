// bastion-fixture: src/main/kotlin/com/acme/shipping/repo/ParcelRepository.kt
// bastion-repo: entity.repo.kt
package com.acme.shipping.repo

import com.acme.shipping.entity.Parcel
import org.springframework.data.jpa.repository.JpaRepository

interface ParcelRepository : JpaRepository<Parcel, Long> {
// expect: query-on-unindexed-column
    fun findByCarrier(carrier: String): List<Parcel>
}
