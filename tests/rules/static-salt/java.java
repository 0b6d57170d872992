// bastion-fixture: src/main/java/com/acme/crypto/FieldCrypto.java
package com.acme.crypto;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

public class FieldCrypto {
    private static final byte[] EXPORT_SALT = "acme-partner-export".getBytes();

    public byte[] key(String passphrase) throws Exception {
        SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
// expect: static-salt
        PBEKeySpec spec = new PBEKeySpec(passphrase.toCharArray(), EXPORT_SALT, 65536, 256);
        return factory.generateSecret(spec).getEncoded();
    }
}
