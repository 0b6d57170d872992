// bastion-fixture: src/main/java/demo/Signer.java
// ok: weak-hash
import java.security.MessageDigest;

public class Signer {
    private static final String ALGORITHM = "SHA-256";

    byte[] sign(byte[] payload) throws Exception {
        return MessageDigest.getInstance(ALGORITHM).digest(payload);
    }

    String etag(byte[] body) throws Exception {
        byte[] d = MessageDigest.getInstance("MD5").digest(body);
        return "\"" + HexFormat.of().formatHex(d) + "\"";
    }

    byte[] any(String algorithm, byte[] input) throws Exception {
        return MessageDigest.getInstance(algorithm).digest(input);
    }
}
