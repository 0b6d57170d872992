package com.acme.integrations.webhooks;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.util.HtmlUtils;

@RestController
@RequestMapping("/integrations")
class WebhookController {

    private static final Set<String> PARTNER_HOSTS = Set.of("hooks.partner-a.com", "api.partner-b.io");

    private final RestTemplate restTemplate;
    private final ObjectMapper mapper;

    WebhookController(RestTemplate restTemplate, ObjectMapper mapper) {
        this.restTemplate = restTemplate;
        this.mapper = mapper;
    }

    @PostMapping("/test-delivery")
    public ResponseEntity<String> testDelivery(@RequestBody Map<String, String> payload) {
        String callback = payload.get("callbackUrl");
        String body = restTemplate.postForObject(callback, Map.of("event", "ping"), String.class); // vuln: CWE-918
        return ResponseEntity.ok(body);
    }

    @PostMapping("/partner-sync")
    public ResponseEntity<String> partnerSync(@RequestParam String endpoint) {
        URI uri = URI.create(endpoint);
        if (!"https".equals(uri.getScheme()) || !PARTNER_HOSTS.contains(uri.getHost())) {
            return ResponseEntity.badRequest().body("unknown partner");
        }
        return ResponseEntity.ok(restTemplate.getForObject(uri, String.class)); // safe: CWE-918
    }

    @PostMapping(value = "/legacy/import", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    public ResponseEntity<String> legacyImport(@RequestBody byte[] blob) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(blob))) {
            Object job = in.readObject(); // vuln: CWE-502
            return ResponseEntity.accepted().body(job.getClass().getSimpleName());
        }
    }

    @PostMapping(value = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> jsonImport(@RequestBody String json) throws Exception {
        ImportJob job = mapper.readValue(json, ImportJob.class); // safe: CWE-502
        return ResponseEntity.accepted().body(job.name());
    }

    @GetMapping(value = "/preview", produces = MediaType.TEXT_HTML_VALUE)
    public String preview(@RequestParam("name") String name) {
        return "<h2>Webhook " + HtmlUtils.htmlEscape(name) + "</h2>"; // safe: CWE-79
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<String> onError(Exception ex) {
        StringWriter sw = new StringWriter();
        ex.printStackTrace(new PrintWriter(sw));
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(sw.toString()); // vuln: CWE-209
    }

    record ImportJob(String name, String source) {}
}
