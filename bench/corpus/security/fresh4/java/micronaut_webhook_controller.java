package com.acme.integrations;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;

@Controller("/integrations")
public class WebhookController {

    private static final Set<String> PARTNER_HOSTS = Set.of("hooks.partner-a.com", "api.partner-b.io");

    private final HttpClient http;
    private final String signingSecret;
    private final byte[] exportKey;

    public WebhookController(@Client HttpClient http,
                             @Value("${integrations.jwt-secret}") String signingSecret,
                             @Value("${integrations.export-key}") String exportKey) {
        this.http = http;
        this.signingSecret = signingSecret;
        this.exportKey = Base64.getDecoder().decode(exportKey);
    }

    @Post("/webhooks/test")
    public HttpResponse<?> testWebhook(@Body Map<String, String> body) {
        String callback = body.get("callbackUrl");
        String payload = "{\"event\":\"ping\",\"source\":\"acme\"}";
        HttpResponse<String> r = http.toBlocking().exchange(HttpRequest.POST(callback, payload).contentType(MediaType.APPLICATION_JSON_TYPE), String.class); // vuln: CWE-918
        return HttpResponse.ok(Map.of("status", r.getStatus().getCode()));
    }

    @Post("/webhooks/partner")
    public HttpResponse<?> notifyPartner(@Body Map<String, String> body) {
        URI uri = URI.create(body.getOrDefault("callbackUrl", ""));
        if (!"https".equals(uri.getScheme()) || !PARTNER_HOSTS.contains(uri.getHost())) {
            return HttpResponse.badRequest(Map.of("error", "callback host not allowed"));
        }
        String payload = "{\"event\":\"order.updated\",\"order\":\"" + body.getOrDefault("orderId", "").replaceAll("[^A-Za-z0-9-]", "") + "\"}";
        HttpResponse<String> r = http.toBlocking().exchange(HttpRequest.POST(uri, payload).contentType(MediaType.APPLICATION_JSON_TYPE), String.class); // safe: CWE-918
        return HttpResponse.ok(Map.of("status", r.getStatus().getCode()));
    }

    @Get("/tenant")
    public HttpResponse<?> tenant(@Header("Authorization") String authorization) {
        String token = authorization.replaceFirst("(?i)^Bearer\\s+", "");
        DecodedJWT jwt = JWT.decode(token); // vuln: CWE-347
        String tenant = jwt.getClaim("tenant").asString();
        String role = jwt.getClaim("role").asString();
        return HttpResponse.ok(Map.of("tenant", tenant, "admin", "admin".equals(role)));
    }

    @Get("/me")
    public HttpResponse<?> me(@Header("Authorization") String authorization) {
        String token = authorization.replaceFirst("(?i)^Bearer\\s+", "");
        try {
            DecodedJWT jwt = JWT.require(Algorithm.HMAC256(signingSecret)).withIssuer("acme-auth").build().verify(token); // safe: CWE-347
            return HttpResponse.ok(Map.of("sub", jwt.getSubject(), "tenant", jwt.getClaim("tenant").asString()));
        } catch (JWTVerificationException e) {
            return HttpResponse.unauthorized();
        }
    }

    @Post("/exports")
    public HttpResponse<?> export(@Body Map<String, String> body) throws GeneralSecurityException {
        String csv = "order,amount\n" + body.getOrDefault("orderId", "") + "," + body.getOrDefault("amount", "0") + "\n";
        return HttpResponse.ok(Map.of("sealed", encryptExport(csv)));
    }

    private String encryptExport(String payload) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/ECB/PKCS5Padding"); // vuln: CWE-327
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(exportKey, "AES"));
        return Base64.getEncoder().encodeToString(cipher.doFinal(payload.getBytes(UTF_8)));
    }
}
