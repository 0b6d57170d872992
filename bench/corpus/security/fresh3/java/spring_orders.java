package com.acme.shop.orders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

@Controller
@RequestMapping("/orders")
public class OrderController {

    private static final Logger log = LoggerFactory.getLogger(OrderController.class);

    private static final Map<String, String> SORT_COLUMNS = Map.of(
            "date", "created_at",
            "total", "total_cents",
            "status", "status");

    private static final Set<String> RETURN_PAGES = Set.of("/orders", "/account", "/cart");

    private static final RowMapper<OrderRow> ROW = (rs, i) -> new OrderRow(
            rs.getLong("id"), rs.getString("status"), rs.getLong("total_cents"));

    private final JdbcTemplate jdbc;
    private final Path invoiceDir;

    public OrderController(JdbcTemplate jdbc, @Value("${shop.invoice-dir}") String invoiceDir) {
        this.jdbc = jdbc;
        this.invoiceDir = Paths.get(invoiceDir);
    }

    @GetMapping("/api")
    @ResponseBody
    public List<OrderRow> list(@RequestParam long customerId,
                               @RequestParam(defaultValue = "date") String sort) {
        String column = SORT_COLUMNS.getOrDefault(sort, "created_at");
        String sql = "SELECT id, status, total_cents FROM orders WHERE customer_id = ? ORDER BY " + column + " DESC";
        return jdbc.query(sql, ROW, customerId); // safe: CWE-89
    }

    @GetMapping("/api/search")
    @ResponseBody
    public List<OrderRow> search(@RequestParam String status,
                                 @RequestParam(required = false) String coupon) {
        StringBuilder sql = new StringBuilder("SELECT id, status, total_cents FROM orders WHERE status = '")
                .append(status.toUpperCase())
                .append("'");
        if (coupon != null && !coupon.isBlank()) {
            sql.append(" AND coupon_code = '").append(coupon.trim()).append("'");
        }
        sql.append(" ORDER BY created_at DESC LIMIT 100");
        return jdbc.query(sql.toString(), ROW); // vuln: CWE-89
    }

    @GetMapping("/api/{id}")
    @ResponseBody
    public OrderRow get(@PathVariable("id") String id) {
        long orderId = Long.parseLong(id);
        return jdbc.queryForObject("SELECT id, status, total_cents FROM orders WHERE id = " + orderId, ROW); // safe: CWE-89
    }

    @GetMapping("/{id}/invoice")
    public ResponseEntity<byte[]> invoice(@PathVariable long id,
                                          @RequestParam("file") String fileName) throws IOException {
        Path pdf = invoiceDir.resolve(fileName);
        log.debug("serving invoice {} for order {}", pdf, id);
        byte[] body = Files.readAllBytes(pdf); // vuln: CWE-22
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"invoice-" + id + ".pdf\"")
                .contentType(MediaType.APPLICATION_PDF)
                .body(body);
    }

    @PostMapping("/{id}/cancel")
    public String cancel(@PathVariable long id,
                         @RequestParam(value = "returnTo", defaultValue = "/orders") String returnTo) {
        int changed = jdbc.update("UPDATE orders SET status = 'CANCELLED' WHERE id = ? AND status = 'NEW'", id);
        if (changed == 0) {
            log.info("order {} could not be cancelled", id);
        }
        return "redirect:" + returnTo; // vuln: CWE-601
    }

    @PostMapping("/{id}/reorder")
    public String reorder(@PathVariable long id,
                          @RequestParam(value = "back", required = false) String back) {
        jdbc.update("INSERT INTO cart_items (product_id, qty) SELECT product_id, qty FROM order_items WHERE order_id = ?", id);
        String target = (back != null && RETURN_PAGES.contains(back)) ? back : "/cart";
        return "redirect:" + target; // safe: CWE-601
    }

    public record OrderRow(long id, String status, long totalCents) {
    }
}
