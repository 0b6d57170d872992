// bastion-fixture: src/main/java/com/shop/ItemController.java
// ok: unbounded-list-query
package com.shop;

@RestController
@RequestMapping("/api/items")
public class ItemController {
    @GetMapping
    public Page<Item> list(Pageable pageable) {
        return itemRepository.findAll(pageable);
    }
}
