// bastion-fixture: src/main/java/com/acme/catalog/web/ProductController.java
package com.acme.catalog.web;

import com.acme.catalog.Product;
import com.acme.catalog.ProductService;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/products")
public class ProductController {
    private final ProductService products;

    public ProductController(ProductService products) {
        this.products = products;
    }

    @GetMapping
// expect: api-breaking-change
    public List<Product> list(@RequestParam String category, @RequestParam String storeId) {
        return products.search(category, storeId);
    }

    @GetMapping("/{sku}")
    public Product get(@PathVariable String sku) {
        return products.bySku(sku);
    }
}
