// bastion-fixture: src/main/java/app/auth/LogoutController.java
// ok: cookie-insecure
// Logout clears the token cookies through the class's helper: an empty value, a past max-age.
package app.auth;

import org.apache.commons.lang3.StringUtils;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpResponse;

public class LogoutController {
    public void logout(ServerHttpResponse serverResponse) {
        serverResponse.addCookie(buildCookie("accessToken", StringUtils.EMPTY, -3600));
        serverResponse.addCookie(buildCookie("refreshToken", "", 0));
    }

    private ResponseCookie buildCookie(String name, String value, int maxAge) {
        return ResponseCookie.from(name, value).httpOnly(true).path("/").maxAge(maxAge).secure(true).build();
    }
}
