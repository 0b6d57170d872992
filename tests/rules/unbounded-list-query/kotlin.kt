// bastion-fixture: src/main/kotlin/com/shop/ItemController.kt
package com.shop

@RestController
@RequestMapping("/api/items")
class ItemController(private val itemRepository: ItemRepository) {
    @GetMapping
// expect: unbounded-list-query
    fun list(): List<Item> = itemRepository.findAll()
}
