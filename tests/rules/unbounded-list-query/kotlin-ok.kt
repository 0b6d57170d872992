// bastion-fixture: src/main/kotlin/com/shop/ItemController.kt
// ok: unbounded-list-query
package com.shop

@RestController
@RequestMapping("/api/items")
class ItemController(private val itemRepository: ItemRepository) {
    @GetMapping("/{id}")
    fun one(@PathVariable id: Long) = itemRepository.findById(id)
}
