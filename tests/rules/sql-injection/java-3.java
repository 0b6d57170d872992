// bastion-fixture: src/main/java/shop/web/ProductController.java
// An unannotated form object is bound from the query string (Spring's implicit @ModelAttribute).
package shop.web;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ProductController {
    private final JdbcTemplate jdbc;

    public ProductController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/products")
    public List<Map<String, Object>> list(ProductFilter filter) {
// expect: sql-injection
        return jdbc.queryForList("select id, name from products order by " + filter.getSort());
    }
}
