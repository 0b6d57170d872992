// bastion-fixture: src/main/java/demo/auth/ResetTokens.java
package demo.auth;

import java.util.Random;

public class ResetTokens {
    private static final String CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public String newResetToken() {
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < 24; i++) {
// expect: insecure-random
            token.append(CHARS.charAt(new Random().nextInt(CHARS.length())));
        }
        return token.toString();
    }
}
