// bastion-fixture: src/main/java/com/acme/orders/OrderController.java
// ok: sql-injection
// The sort key picks a column from a fixed map; the request's text never reaches the SQL.
package com.acme.orders;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class OrderController {
    private static final Map<String, String> SORT_COLUMNS =
            Map.of("date", "created_at", "total", "total_cents", "status", "status");

    private final JdbcTemplate jdbc;

    public OrderController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/orders")
    public List<Map<String, Object>> list(@RequestParam long customerId,
                                          @RequestParam(defaultValue = "date") String sort) {
        String column = SORT_COLUMNS.getOrDefault(sort, "created_at");
        String sql = "SELECT id, status, total_cents FROM orders WHERE customer_id = ? ORDER BY " + column;
        return jdbc.queryForList(sql, customerId);
    }
}
