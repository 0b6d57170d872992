// bastion-fixture: src/main/java/com/shop/ItemController.java
// ok: post-create-without-201
package com.shop;

@RestController
@RequestMapping("/api/items")
public class ItemController {
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Item create(@RequestBody Item item) { return itemRepository.save(item); }
}
