package com.acme.payments.service;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

@Service
public class PaymentTokenService {

    private static final String PAN_KEY = "k7Qd93LmZx21VbTe"; // vuln: CWE-798
    private static final SecureRandom RNG = new SecureRandom();

    private final SecretKey noteKey;
    private final HttpClient acquirerClient;
    private final URI acquirerWebhook;

    public PaymentTokenService(@Value("${payments.note-key}") String noteKeyB64,
                               @Value("${payments.acquirer.webhook}") String webhook) throws GeneralSecurityException {
        this.noteKey = new SecretKeySpec(Base64.getDecoder().decode(noteKeyB64), "AES");
        this.acquirerWebhook = URI.create(webhook);
        this.acquirerClient = HttpClient.newBuilder()
                .sslContext(acquirerSslContext())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Card numbers are stored as deterministic tokens so we can look them up for duplicates. */
    public String tokenizePan(String pan) throws GeneralSecurityException {
        SecretKeySpec key = new SecretKeySpec(PAN_KEY.getBytes(StandardCharsets.UTF_8), "AES");
        Cipher cipher = Cipher.getInstance("AES/ECB/PKCS5Padding"); // vuln: CWE-327
        cipher.init(Cipher.ENCRYPT_MODE, key);
        byte[] enc = cipher.doFinal(pan.replace(" ", "").getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(enc);
    }

    public String sealMerchantNote(String note) throws GeneralSecurityException {
        byte[] iv = new byte[12];
        RNG.nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding"); // safe: CWE-327
        cipher.init(Cipher.ENCRYPT_MODE, noteKey, new GCMParameterSpec(128, iv));
        byte[] ct = cipher.doFinal(note.getBytes(StandardCharsets.UTF_8));
        ByteBuffer out = ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct);
        return Base64.getEncoder().encodeToString(out.array());
    }

    public String newPaymentReference() {
        return "PAY-" + new BigInteger(130, RNG).toString(32).toUpperCase(); // safe: CWE-330
    }

    public int notifyAcquirer(String reference, long amountCents) throws Exception {
        String json = "{\"reference\":\"" + reference + "\",\"amount\":" + amountCents + "}";
        HttpRequest req = HttpRequest.newBuilder(acquirerWebhook)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return acquirerClient.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    // the acquirer's sandbox uses a self-signed certificate
    private static SSLContext acquirerSslContext() throws GeneralSecurityException {
        TrustManager[] trustAll = new TrustManager[] {
            new X509TrustManager() {
                public void checkClientTrusted(X509Certificate[] chain, String authType) { }
                public void checkServerTrusted(X509Certificate[] chain, String authType) { } // vuln: CWE-295
                public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
            }
        };
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, trustAll, RNG);
        return ctx;
    }
}
