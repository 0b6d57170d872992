package com.acme.shop.orders;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.view.RedirectView;

@RestController
@RequestMapping("/api/orders")
class OrderController {

    private static final Logger log = LoggerFactory.getLogger(OrderController.class);
    private static final Set<String> RETURN_PAGES = Set.of("/orders", "/cart", "/account/history");

    private final JdbcTemplate jdbc;

    OrderController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/{customerId}")
    public List<Map<String, Object>> byCustomer(@PathVariable long customerId,
                                                @RequestParam(defaultValue = "open") String status) {
        String sql = "SELECT id, total, status FROM orders WHERE customer_id = ? AND status = ?";
        return jdbc.queryForList(sql, customerId, status); // safe: CWE-89
    }

    @GetMapping("/search")
    public List<Map<String, Object>> search(@RequestParam String reference,
                                            @RequestParam(defaultValue = "created_at") String sort) {
        String where = buildFilter(reference);
        String sql = "SELECT id, reference, total FROM orders" + where + " ORDER BY " + sort;
        return jdbc.queryForList(sql); // vuln: CWE-89
    }

    private String buildFilter(String reference) {
        if (reference == null || reference.isBlank()) {
            return "";
        }
        return " WHERE reference LIKE '" + reference + "%'";
    }

    @PostMapping("/{orderId}/cancel")
    public ResponseEntity<Void> cancel(@PathVariable long orderId,
                                       @RequestParam(defaultValue = "") String reason) {
        jdbc.update("UPDATE orders SET status = 'cancelled' WHERE id = ?", orderId);
        log.info("order {} cancelled, reason={}", orderId, reason); // vuln: CWE-117
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/checkout/done")
    public RedirectView afterCheckout(@RequestParam(name = "returnTo", defaultValue = "/orders") String returnTo) {
        String target = RETURN_PAGES.contains(returnTo) ? returnTo : "/orders";
        return new RedirectView(target); // safe: CWE-601
    }

    @GetMapping("/checkout/continue")
    public RedirectView continueShopping(@RequestParam("next") String next) {
        return new RedirectView(next); // vuln: CWE-601
    }
}
