package com.example.helpdesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import javax.persistence.Query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.thoughtworks.xstream.XStream;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.SignatureAlgorithm;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
class WebConfig implements WebMvcConfigurer {
    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/**").allowedOriginPatterns("*").allowCredentials(true); // vuln: CWE-942
    }

    @Bean
    SecurityFilterChain chain(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.disable()); // vuln: CWE-352
        return http.build();
    }
}

interface TicketRepository extends JpaRepository<Ticket, Long> {
    List<Ticket> findByAssignee(String assignee);
}

@Service
class TicketService {
    @PersistenceContext
    private EntityManager em;

    private final TicketRepository repo;

    TicketService(TicketRepository repo) {
        this.repo = repo;
    }

    List<?> search(String text) {
        Query q = em.createNativeQuery("SELECT * FROM ticket WHERE subject LIKE '%" + text + "%'"); // vuln: CWE-89
        return q.getResultList();
    }

    List<?> searchSafe(String text) {
        Query q = em.createNativeQuery("SELECT * FROM ticket WHERE subject LIKE ?1"); // safe: CWE-89
        q.setParameter(1, "%" + text + "%");
        return q.getResultList();
    }

    List<Ticket> byAssignee(String assignee) {
        return repo.findByAssignee(assignee); // safe: CWE-89
    }

    List<?> byPriority(String priority) {
        return em.createQuery("FROM Ticket t WHERE t.priority = " + priority).getResultList(); // vuln: CWE-89
    }

    List<?> byPriorityInt(int priority) {
        return em.createQuery("FROM Ticket t WHERE t.priority = " + priority).getResultList(); // safe: CWE-89
    }
}

@RestController
@RequestMapping("/tickets")
class TicketController {
    private static final Path ATTACHMENTS = Paths.get("/srv/helpdesk/attachments");
    private static final String JWT_KEY = "helpdesk-jwt-key-0123456789abcdef"; // vuln: CWE-798

    @Value("${helpdesk.jwt-key}")
    private String jwtKeyFromConfig;

    private final TicketService service;
    private final ObjectMapper mapper = new ObjectMapper();

    TicketController(TicketService service) {
        this.service = service;
    }

    @GetMapping("/search")
    List<?> search(@RequestParam String q) {
        return service.search(q);
    }

    @GetMapping("/search-safe")
    List<?> searchSafe(@RequestParam String q) {
        return service.searchSafe(q);
    }

    @PostMapping("/import")
    Object importTicket(@RequestBody String xml) {
        XStream xstream = new XStream();
        return xstream.fromXML(xml); // vuln: CWE-502
    }

    @PostMapping("/import-json")
    Ticket importJson(@RequestBody String json) throws IOException {
        return mapper.readValue(json, Ticket.class); // safe: CWE-502
    }

    @PostMapping("/{id}/attachments")
    ResponseEntity<Void> upload(@PathVariable long id, @RequestParam String name, @RequestBody byte[] body) throws IOException {
        Path target = ATTACHMENTS.resolve(name);
        Files.write(target, body); // vuln: CWE-22
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxrwxrwx")); // vuln: CWE-732
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/attachments-safe")
    ResponseEntity<Void> uploadSafe(@PathVariable long id, @RequestParam String name, @RequestBody byte[] body) throws IOException {
        Path target = ATTACHMENTS.resolve(Paths.get(name).getFileName().toString());
        Files.write(target, body); // safe: CWE-22
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----")); // safe: CWE-732
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/token")
    String token(@RequestParam String user) {
        return Jwts.builder().setSubject(user).signWith(SignatureAlgorithm.HS256, JWT_KEY).compact(); // vuln: CWE-798
    }

    @GetMapping("/claims")
    Claims claims(@RequestHeader("Authorization") String auth) {
        String token = auth.substring(7);
        return Jwts.parser().setSigningKey(jwtKeyFromConfig).parseClaimsJws(token).getBody(); // safe: CWE-347
    }

    @GetMapping("/claims-unsigned")
    Object claimsUnsigned(@RequestHeader("Authorization") String auth) {
        String token = auth.substring(7, auth.lastIndexOf('.') + 1);
        return Jwts.parser().parseClaimsJwt(token).getBody(); // vuln: CWE-347
    }

    @GetMapping("/{id}/greeting")
    ResponseEntity<String> greeting(@PathVariable long id, @RequestParam String name) {
        return ResponseEntity.ok().header("Content-Type", "text/html").body("<b>Hi " + name + "</b>"); // vuln: CWE-79
    }

    @GetMapping("/{id}/forward")
    ResponseEntity<Void> forward(@RequestParam String url) {
        return ResponseEntity.status(302).header("Location", url).build(); // vuln: CWE-601
    }

    @GetMapping("/{id}/forward-safe")
    ResponseEntity<Void> forwardSafe(@PathVariable long id) {
        return ResponseEntity.status(302).header("Location", "/tickets/" + id).build(); // safe: CWE-601
    }

    @GetMapping("/reference")
    String reference() {
        return "T-" + new Random().nextInt(1_000_000); // safe: CWE-330
    }
}

class Ticket {
    public Long id;
    public String subject;
    public String assignee;
    public int priority;
}
