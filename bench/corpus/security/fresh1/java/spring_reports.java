package com.acme.billing.reports;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

record TotalsRequest(String currency, String region, LocalDate from, LocalDate to) {}

record ExportRequest(String title, String format) {}

@RestController
@RequestMapping("/api/reports")
class ReportController {

    private static final Set<String> SORTABLE = Set.of("created_at", "amount", "customer_name", "status");

    private final JdbcTemplate jdbc;
    private final ReportService reports;

    ReportController(JdbcTemplate jdbc, ReportService reports) {
        this.jdbc = jdbc;
        this.reports = reports;
    }

    @GetMapping("/customers/{customerId}/invoices")
    List<Map<String, Object>> customerInvoices(@PathVariable String customerId,
                                               @RequestParam(required = false) String from) {
        LocalDate since = from == null ? LocalDate.now().minusMonths(3) : LocalDate.parse(from);
        return jdbc.queryForList("SELECT id, amount, status, created_at FROM invoices WHERE customer_id = ? AND created_at >= ?", customerId, since); // safe: CWE-89
    }

    @GetMapping("/invoices")
    List<Map<String, Object>> invoices(@RequestParam(defaultValue = "created_at") String sort,
                                       @RequestParam(defaultValue = "desc") String dir) {
        String column = SORTABLE.contains(sort) ? sort : "created_at";
        String direction = "asc".equalsIgnoreCase(dir) ? "ASC" : "DESC";
        String sql = "SELECT id, customer_name, amount, status FROM invoices ORDER BY " + column + " " + direction;
        return jdbc.queryForList(sql); // safe: CWE-89
    }

    @GetMapping("/search")
    List<Map<String, Object>> search(@RequestParam("q") String term,
                                     @RequestParam(defaultValue = "50") int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, customer_name, amount FROM invoices WHERE archived = false");
        if (!term.isBlank()) {
            sql.append(" AND (customer_name LIKE '%").append(term.trim())
               .append("%' OR reference = '").append(term.trim()).append("')");
        }
        sql.append(" LIMIT ").append(Math.min(limit, 200));
        return jdbc.queryForList(sql.toString()); // vuln: CWE-89
    }

    @PostMapping("/totals")
    List<Object[]> totals(@RequestBody TotalsRequest request) {
        return reports.totalsByRegion(request);
    }

    @PostMapping("/exports")
    ResponseEntity<Resource> export(@RequestBody ExportRequest request) throws IOException, InterruptedException {
        Path file = reports.render(request.title(), request.format());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.getFileName() + "\"")
                .body(new FileSystemResource(file));
    }
}

@Service
class ReportService {

    private static final Path EXPORT_DIR = Path.of("/var/lib/billing/exports");

    @PersistenceContext
    private EntityManager em;

    @Transactional(readOnly = true)
    List<Object[]> totalsByRegion(TotalsRequest req) {
        String jpql = "select i.region, sum(i.amount) from Invoice i where i.currency = '" + req.currency() + "'";
        if (req.region() != null && !req.region().isEmpty()) {
            jpql += " and i.region = '" + req.region() + "'";
        }
        jpql += " group by i.region order by 2 desc";
        return em.createQuery(jpql, Object[].class).getResultList(); // vuln: CWE-89
    }

    BigDecimal outstanding(UUID customerId) {
        return em.createQuery("select coalesce(sum(i.amount), 0) from Invoice i where i.customerId = :cid and i.status = 'OPEN'", BigDecimal.class)
                .setParameter("cid", customerId)
                .getSingleResult();
    }

    Path render(String title, String format) throws IOException, InterruptedException {
        Files.createDirectories(EXPORT_DIR);
        String ext = "pdf".equals(format) ? "pdf" : "csv";
        Path target = EXPORT_DIR.resolve("report-" + UUID.randomUUID() + "." + ext);
        String cmd = "/opt/billing/bin/render-report --title \"" + title + "\" --format " + ext + " --out " + target;
        Process process = new ProcessBuilder("/bin/sh", "-c", cmd).redirectErrorStream(true).start(); // vuln: CWE-78
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("report rendering timed out");
        }
        return target;
    }
}
