// bastion-fixture: src/main/java/auth/PasswordHasher.java
// A local salt written out as text, turned into bytes for PBKDF2.
package auth;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

public final class PasswordHasher {
    public byte[] hash(char[] password) throws Exception {
        byte[] salt = "portal-salt".getBytes();
// expect: static-salt
        PBEKeySpec spec = new PBEKeySpec(password, salt, 210000, 256);
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    }
}
