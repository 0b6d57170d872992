// bastion-fixture: src/main/java/com/shop/ItemController.java
package com.shop;

@RestController
@RequestMapping("/api/items")
public class ItemController {
    @DeleteMapping
// expect: delete-with-body
    public void purge(@RequestBody PurgeRequest request) { items.purge(request); }
}
