// bastion-fixture: src/main/kotlin/com/shop/ItemController.kt
// ok: post-create-without-201
package com.shop

@RestController
@RequestMapping("/api/items")
class ItemController(private val itemRepository: ItemRepository) {
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    fun create(@RequestBody item: Item): Item = itemRepository.save(item)
}
