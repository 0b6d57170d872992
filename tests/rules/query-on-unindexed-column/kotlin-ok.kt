// bastion-fixture: src/main/kotlin/com/acme/shipping/repo/ParcelRepository.kt
// bastion-repo: entity.repo.kt
// ok: query-on-unindexed-column
package com.acme.shipping.repo

import com.acme.shipping.entity.Parcel
import org.springframework.data.jpa.repository.JpaRepository

interface ParcelRepository : JpaRepository<Parcel, Long> {
    fun findByTrackingCode(trackingCode: String): Parcel?
}
