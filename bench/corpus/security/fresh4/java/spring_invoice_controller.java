package com.acme.billing.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

@RestController
@RequestMapping("/billing/invoices")
public class InvoiceController {

    private static final Logger log = LoggerFactory.getLogger(InvoiceController.class);

    private static final Map<String, String> SORT_COLUMNS = Map.of(
            "date", "issued_on",
            "amount", "total_cents",
            "customer", "customer_name");

    private static final Set<String> POST_LOGIN_PAGES = Set.of("/billing", "/billing/invoices", "/account/settings");

    private final JdbcTemplate jdbc;

    public InvoiceController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping
    public List<Map<String, Object>> search(@RequestParam(required = false) String status,
                                            @RequestParam(required = false) Integer minCents,
                                            @RequestParam(defaultValue = "date") String sort) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT id, customer_name, total_cents, status FROM invoices WHERE 1=1");
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status);
        }
        if (minCents != null) {
            sql.append(" AND total_cents >= ?");
            args.add(minCents);
        }
        String orderBy = SORT_COLUMNS.getOrDefault(sort, "issued_on");
        sql.append(" ORDER BY ").append(orderBy).append(" DESC");
        return jdbc.queryForList(sql.toString(), args.toArray()); // safe: CWE-89
    }

    @GetMapping(value = "/export", produces = "text/csv")
    public ResponseEntity<String> export(@RequestParam String customer,
                                         @RequestParam(required = false) String from,
                                         @RequestHeader(value = "X-Requested-By", defaultValue = "anonymous") String requestedBy) {
        log.info("CSV export for customer " + customer + " requested by " + requestedBy); // vuln: CWE-117
        String where = buildCustomerFilter(customer, from);
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT id, issued_on, total_cents FROM invoices " + where); // vuln: CWE-89
        StringBuilder csv = new StringBuilder("id,issued_on,total_cents\n");
        for (Map<String, Object> row : rows) {
            csv.append(row.get("id")).append(',')
               .append(row.get("issued_on")).append(',')
               .append(row.get("total_cents")).append('\n');
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=invoices.csv")
                .body(csv.toString());
    }

    private static String buildCustomerFilter(String customer, String from) {
        String clause = "WHERE customer_name = '" + customer.trim() + "'";
        if (from != null && !from.isBlank()) {
            clause += " AND issued_on >= '" + LocalDate.parse(from) + "'";
        }
        return clause;
    }

    @GetMapping(value = "/{id}/summary", produces = MediaType.TEXT_HTML_VALUE)
    public String summary(@PathVariable long id, @RequestParam(defaultValue = "") String note) {
        Map<String, Object> inv = jdbc.queryForMap(
                "SELECT customer_name, total_cents FROM invoices WHERE id = ?", id);
        String customerName = String.valueOf(inv.get("customer_name"));
        long cents = ((Number) inv.get("total_cents")).longValue();
        return "<html><body><h2>Invoice " + id + " for " + HtmlUtils.htmlEscape(customerName) + "</h2><p>" + HtmlUtils.htmlEscape(note) + "</p><p>Total: " + (cents / 100.0) + "</p></body></html>"; // safe: CWE-79
    }

    @GetMapping("/sso/callback")
    public ResponseEntity<Void> afterLogin(@RequestParam(name = "next", defaultValue = "/billing") String next) {
        HttpHeaders headers = new HttpHeaders();
        headers.setLocation(URI.create(next)); // vuln: CWE-601
        return new ResponseEntity<>(headers, HttpStatus.FOUND);
    }

    @GetMapping("/sso/landing")
    public ResponseEntity<Void> landing(@RequestParam(name = "page", defaultValue = "/billing") String page) {
        String target = POST_LOGIN_PAGES.contains(page) ? page : "/billing";
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(target)).build(); // safe: CWE-601
    }
}
