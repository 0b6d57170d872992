package com.acme.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;

import javax.crypto.SecretKey;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.io.Decoders;
import io.jsonwebtoken.security.Keys;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

record LoginForm(String email, String password) {}

record ResetRequest(String email) {}

interface UserStore {
    Optional<UserAccount> findByEmail(String email);
    void save(UserAccount account);
}

class UserAccount {
    String id;
    String email;
    String passwordHash;
    boolean legacyHash;
    String resetCode;
    Instant resetExpires;
    String apiToken;
}

@Service
class CredentialService {

    private static final String TOKEN_SIGNING_KEY = "q8Yb3nR4vT7wZ0cF2hK5mP9sU1xA6dG8jL3oQ7tW0yB4eH6k"; // vuln: CWE-798

    private final String mailerApiKey = System.getenv("MAILER_API_KEY"); // safe: CWE-798
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(12);
    private final Random random = new Random();
    private final SecureRandom secureRandom = new SecureRandom();

    boolean matches(UserAccount account, String password) throws NoSuchAlgorithmException {
        if (account.legacyHash) {
            return legacyDigest(password).equals(account.passwordHash);
        }
        return encoder.matches(password, account.passwordHash);
    }

    String legacyDigest(String password) throws NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("MD5"); // vuln: CWE-328
        return HexFormat.of().formatHex(md.digest(password.getBytes(StandardCharsets.UTF_8)));
    }

    String hashPassword(String password) {
        return encoder.encode(password); // safe: CWE-328
    }

    String newResetCode() {
        return String.format("%06d", random.nextInt(1_000_000)); // vuln: CWE-330
    }

    String newApiToken() {
        byte[] buf = new byte[32];
        secureRandom.nextBytes(buf); // safe: CWE-330
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buf);
    }

    String issueSessionToken(UserAccount account) {
        SecretKey key = Keys.hmacShaKeyFor(Decoders.BASE64.decode(TOKEN_SIGNING_KEY));
        Instant now = Instant.now();
        return Jwts.builder()
                .subject(account.id)
                .claim("email", account.email)
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(Duration.ofHours(8))))
                .signWith(key)
                .compact();
    }

    String mailerKey() {
        return mailerApiKey;
    }
}

@RestController
@RequestMapping("/api/auth")
class CredentialController {

    private final CredentialService credentials;
    private final UserStore users;

    CredentialController(CredentialService credentials, UserStore users) {
        this.credentials = credentials;
        this.users = users;
    }

    @PostMapping("/login")
    ResponseEntity<String> login(@RequestBody LoginForm form) throws NoSuchAlgorithmException {
        Optional<UserAccount> found = users.findByEmail(form.email());
        if (found.isEmpty() || !credentials.matches(found.get(), form.password())) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        UserAccount account = found.get();
        if (account.legacyHash) {
            account.passwordHash = credentials.hashPassword(form.password());
            account.legacyHash = false;
            users.save(account);
        }
        return ResponseEntity.ok(credentials.issueSessionToken(account));
    }

    @PostMapping("/password-reset")
    ResponseEntity<Void> requestReset(@RequestBody ResetRequest request) {
        users.findByEmail(request.email()).ifPresent(account -> {
            account.resetCode = credentials.newResetCode();
            account.resetExpires = Instant.now().plus(Duration.ofMinutes(30));
            users.save(account);
        });
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/api-token")
    ResponseEntity<String> rotateToken(@RequestBody LoginForm form) throws NoSuchAlgorithmException {
        UserAccount account = users.findByEmail(form.email()).orElse(null);
        if (account == null || !credentials.matches(account, form.password())) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        account.apiToken = credentials.newApiToken();
        users.save(account);
        return ResponseEntity.ok(account.apiToken);
    }
}
