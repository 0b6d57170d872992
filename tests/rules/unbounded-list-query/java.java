// bastion-fixture: src/main/java/com/shop/ItemController.java
package com.shop;

@RestController
@RequestMapping("/api/items")
public class ItemController {
    @GetMapping
// expect: unbounded-list-query
    public List<Item> list() { return itemRepository.findAll(); }
}
