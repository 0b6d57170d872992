// bastion-fixture: src/main/kotlin/com/shop/ItemController.kt
package com.shop

@RestController
@RequestMapping("/api/items")
class ItemController(private val itemRepository: ItemRepository) {
    @DeleteMapping
// expect: delete-with-body
    fun purge(@RequestBody request: PurgeRequest) =
        itemRepository.deleteAllById(request.ids)
}
