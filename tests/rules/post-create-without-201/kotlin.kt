// bastion-fixture: src/main/kotlin/com/shop/ItemController.kt
package com.shop

@RestController
@RequestMapping("/api/items")
class ItemController(private val itemRepository: ItemRepository) {
// expect: post-create-without-201
    @PostMapping
    fun create(@RequestBody item: Item): Item = itemRepository.save(item)
}
