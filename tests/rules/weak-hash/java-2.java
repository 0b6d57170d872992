// bastion-fixture: src/main/java/demo/Signer.java
import java.security.MessageDigest;
import java.util.Properties;

public class Signer {
    private static final String ALGORITHM = "MD5";
    private final Properties props = new Properties();

    byte[] sign(byte[] payload) throws Exception {
// expect: weak-hash
        MessageDigest md = MessageDigest.getInstance(ALGORITHM);
        return md.digest(payload);
    }

    byte[] token(String user) throws Exception {
        String alg = "SHA1";
// expect: weak-hash
        return MessageDigest.getInstance(alg).digest(user.getBytes());
    }

    byte[] configured(byte[] input) throws Exception {
        String name = props.getProperty("hashAlg", "MD5");
// expect: weak-hash
        MessageDigest md = MessageDigest.getInstance(name);
        return md.digest(input);
    }
}
