// bastion-fixture: src/main/java/com/shop/ItemController.java
package com.shop;

@RestController
@RequestMapping("/api/items")
public class ItemController {
// expect: post-create-without-201
    @PostMapping
    public Item create(@RequestBody Item item) { return itemRepository.save(item); }
}
