package com.acme.billing.reports;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reports")
public class ReportController {

    private static final Logger log = LoggerFactory.getLogger(ReportController.class);
    private static final Set<String> SORTABLE = Set.of("created_at", "amount", "customer_name", "status");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private final JdbcTemplate jdbc;
    private final Path exportRoot;

    public ReportController(JdbcTemplate jdbc, @Value("${reports.export-dir}") String exportDir) {
        this.jdbc = jdbc;
        this.exportRoot = Paths.get(exportDir).toAbsolutePath().normalize();
    }

    @GetMapping("/invoices")
    public List<Map<String, Object>> invoices(@RequestParam String status,
                                              @RequestParam(defaultValue = "created_at") String sort,
                                              @RequestParam(defaultValue = "desc") String dir) {
        String column = SORTABLE.contains(sort) ? sort : "created_at";
        String direction = "asc".equalsIgnoreCase(dir) ? "ASC" : "DESC";
        String sql = "SELECT id, customer_name, amount, status, created_at FROM invoices WHERE status = ? ORDER BY "
                + column + " " + direction + " LIMIT 500";
        return jdbc.queryForList(sql, status); // safe: CWE-89
    }

    @GetMapping("/customers/{customerId}/invoices")
    public List<Map<String, Object>> customerInvoices(@PathVariable String customerId,
                                                      @RequestParam(required = false) String from) {
        StringBuilder sql = new StringBuilder("SELECT id, amount, status, created_at FROM invoices WHERE customer_id = '")
                .append(customerId)
                .append("'");
        if (from != null && !from.isBlank()) {
            sql.append(" AND created_at >= '").append(from).append("'");
        }
        sql.append(" ORDER BY created_at DESC");
        return jdbc.queryForList(sql.toString()); // vuln: CWE-89
    }

    @GetMapping("/revenue")
    public Map<String, Object> revenue(@RequestParam(defaultValue = "0") String year) {
        int y = Integer.parseInt(year);
        String sql = "SELECT COALESCE(SUM(amount), 0) FROM invoices WHERE EXTRACT(YEAR FROM created_at) = " + y;
        BigDecimal total = jdbc.queryForObject(sql, BigDecimal.class); // safe: CWE-89
        return Map.of("year", y, "total", total);
    }

    @GetMapping("/exports/{name}")
    public ResponseEntity<Resource> download(@PathVariable String name) {
        Path file = exportRoot.resolve(name).normalize();
        if (!file.startsWith(exportRoot) || !Files.isRegularFile(file)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.getFileName() + "\"")
                .body(new FileSystemResource(file)); // safe: CWE-22
    }

    @GetMapping("/archive")
    public ResponseEntity<byte[]> archived(@RequestParam("file") String fileName,
                                           @RequestParam(required = false) String month) throws IOException {
        String period = month != null ? month : LocalDate.now().minusMonths(1).format(MONTH);
        Path archived = Paths.get(exportRoot.toString(), "archive", period, fileName);
        log.debug("serving archived export {}", archived);
        byte[] data = Files.readAllBytes(archived); // vuln: CWE-22
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(data);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<String> onError(Exception ex) {
        StringWriter sw = new StringWriter();
        ex.printStackTrace(new PrintWriter(sw));
        log.error("report request failed", ex);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body("Report generation failed:\n" + sw); // vuln: CWE-209
    }
}
