package com.example.crm.web;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.HtmlUtils;

@RestController
@RequestMapping("/customers")
public class CustomerController {

    private static final Logger log = LoggerFactory.getLogger(CustomerController.class);
    private static final Path DOCS = Paths.get("/srv/crm/docs");
    private static final Set<String> SORTABLE = Set.of("name", "created_at", "country");

    private final JdbcTemplate jdbc;
    private final HttpClient http = HttpClient.newHttpClient();

    public CustomerController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/search")
    public List<Map<String, Object>> search(@RequestParam String name) {
        return jdbc.queryForList("SELECT id, name FROM customer WHERE name = '" + name + "'"); // vuln: CWE-89
    }

    @GetMapping("/search-safe")
    public List<Map<String, Object>> searchSafe(@RequestParam String name) {
        return jdbc.queryForList("SELECT id, name FROM customer WHERE name = ?", name); // safe: CWE-89
    }

    @GetMapping("/sorted")
    public List<Map<String, Object>> sorted(@RequestParam(defaultValue = "name") String sort) {
        String column = SORTABLE.contains(sort) ? sort : "name";
        return jdbc.queryForList("SELECT id, name FROM customer ORDER BY " + column); // safe: CWE-89
    }

    @GetMapping("/{id}/orders")
    public List<Map<String, Object>> orders(@PathVariable long id) {
        return jdbc.queryForList("SELECT * FROM orders WHERE customer_id = " + id); // safe: CWE-89
    }

    @DeleteMapping("/purge")
    public int purge(@RequestParam String country) {
        String sql = String.format("DELETE FROM customer WHERE country = '%s'", country);
        return jdbc.update(sql); // vuln: CWE-89
    }

    @GetMapping("/docs")
    public byte[] document(@RequestParam String file) throws IOException {
        return Files.readAllBytes(DOCS.resolve(file)); // vuln: CWE-22
    }

    @GetMapping("/docs-safe")
    public byte[] documentSafe(@RequestParam String file) throws IOException {
        Path target = DOCS.resolve(file).normalize();
        if (!target.startsWith(DOCS)) {
            throw new IllegalArgumentException("bad path");
        }
        return Files.readAllBytes(target); // safe: CWE-22
    }

    @PostMapping("/{id}/avatar")
    public String avatar(@PathVariable long id, @RequestParam String url) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).build();
        HttpResponse<byte[]> resp = http.send(req, HttpResponse.BodyHandlers.ofByteArray()); // vuln: CWE-918
        return "stored " + resp.body().length;
    }

    @GetMapping("/back")
    public RedirectView back(@RequestParam String returnUrl) {
        return new RedirectView(returnUrl); // vuln: CWE-601
    }

    @GetMapping("/home")
    public String home() {
        return "redirect:/customers/search"; // safe: CWE-601
    }

    @GetMapping(value = "/hello", produces = "text/html")
    public String hello(@RequestParam String name) {
        return "<html><body>Hello " + name + "</body></html>"; // vuln: CWE-79
    }

    @GetMapping(value = "/hello-safe", produces = "text/html")
    public String helloSafe(@RequestParam String name) {
        return "<html><body>Hello " + HtmlUtils.htmlEscape(name) + "</body></html>"; // safe: CWE-79
    }

    @PostMapping("/login")
    public void login(@RequestParam String user, HttpServletResponse response) {
        log.info("login attempt for " + user); // vuln: CWE-117
        Cookie cookie = new Cookie("crm_session", java.util.UUID.randomUUID().toString());
        response.addCookie(cookie); // vuln: CWE-614
    }

    @PostMapping("/login-safe")
    public void loginSafe(@RequestParam String user, HttpServletResponse response) {
        Cookie cookie = new Cookie("crm_session", java.util.UUID.randomUUID().toString());
        cookie.setSecure(true);
        cookie.setHttpOnly(true);
        response.addCookie(cookie); // safe: CWE-614
    }

    @GetMapping("/export")
    public void export(@RequestParam String filename, HttpServletResponse response) {
        response.setHeader("Content-Disposition", "attachment; filename=" + filename); // vuln: CWE-113
    }

    static String passwordHash(String password) throws NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("MD5"); // vuln: CWE-328
        return new String(md.digest(password.getBytes()));
    }

    static String contentHash(byte[] body) throws NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256"); // safe: CWE-328
        return new String(md.digest(body));
    }

    static File scratchFile() throws IOException {
        return File.createTempFile("crm", ".csv"); // safe: CWE-377
    }
}
