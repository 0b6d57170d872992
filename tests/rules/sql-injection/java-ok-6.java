// bastion-fixture: src/main/java/shop/web/ProductController.java
// Arguments the framework supplies (the locale it resolved, the page request) are not a form.
package shop.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.domain.Pageable;
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
    public List<Map<String, Object>> list(Locale locale, Pageable pageable) {
        String table = "products_" + locale.getLanguage().replaceAll("[^a-z]", "");
// ok: sql-injection
        return jdbc.queryForList("select id, name from " + table + " limit " + pageable.getPageSize());
    }
}
