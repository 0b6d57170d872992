// bastion-fixture: src/main/java/com/shop/ItemController.java
// ok: delete-with-body
package com.shop;

@RestController
@RequestMapping("/api/items")
public class ItemController {
    @DeleteMapping("/{id}")
    public void delete(@PathVariable long id) { items.delete(id); }
}
