// bastion-fixture: src/main/kotlin/com/shop/ItemController.kt
// ok: delete-with-body
package com.shop

@RestController
@RequestMapping("/api/items")
class ItemController(private val itemRepository: ItemRepository) {
    @DeleteMapping("/{id}")
    fun delete(@PathVariable id: Long) = itemRepository.deleteById(id)
}
