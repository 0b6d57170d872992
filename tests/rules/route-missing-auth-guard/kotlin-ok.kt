// bastion-fixture: src/main/kotlin/com/acme/orders/OrderController.kt
// ok: route-missing-auth-guard
package com.acme.orders

import org.springframework.security.access.prepost.PreAuthorize
import org.springframework.web.bind.annotation.*

@RestController
@RequestMapping("/orders")
class OrderController(private val orders: OrderService) {
    @PreAuthorize("hasRole('USER')")
    @GetMapping
    fun list(): List<Order> = orders.mine()

    @PreAuthorize("hasRole('USER')")
    @GetMapping("/{id}")
    fun show(@PathVariable id: Long): Order = orders.get(id)

    @PreAuthorize("hasRole('USER')")
    @PostMapping
    fun create(@RequestBody draft: OrderDraft): Order = orders.create(draft)
}
