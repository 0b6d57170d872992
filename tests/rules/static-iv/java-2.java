// bastion-fixture: src/main/java/com/acme/vault/FieldCipher.java
// A field of zeros used as the IV of every record.
package com.acme.vault;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;

public class FieldCipher {
    private static final byte[] emptyIv = new byte[16];

    public byte[] encrypt(SecretKey key, byte[] plain) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
// expect: static-iv
        cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(emptyIv));
        return cipher.doFinal(plain);
    }
}
