package com.acme.vault.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

@Singleton
class TokenCryptoService {

    private final SecureRandom secureRandom = new SecureRandom();
    private final Random random = new Random();
    private final SecretKey key;

    TokenCryptoService(@Value("${vault.data-key}") String base64Key) {
        this.key = new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES");
    }

    String encryptNote(String plaintext) throws Exception {
        byte[] iv = new byte[12];
        secureRandom.nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv)); // safe: CWE-329
        byte[] ct = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct).array());
    }

    String encryptLegacyExport(String accountNumber) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/ECB/PKCS5Padding"); // vuln: CWE-327
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return Base64.getEncoder().encodeToString(cipher.doFinal(accountNumber.getBytes(StandardCharsets.UTF_8)));
    }

    String hashPin(String pin) throws Exception {
        MessageDigest md = MessageDigest.getInstance("MD5"); // vuln: CWE-328
        return HexFormat.of().formatHex(md.digest(pin.getBytes(StandardCharsets.UTF_8)));
    }

    String newApiKey() {
        byte[] buf = new byte[32];
        secureRandom.nextBytes(buf); // safe: CWE-330
        return "ak_" + HexFormat.of().formatHex(buf);
    }

    String newPasswordResetCode() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            sb.append(random.nextInt(10)); // vuln: CWE-330
        }
        return sb.toString();
    }
}
