// bastion-fixture: src/main/java/com/acme/web/LogoutController.java
// ok: cookie-insecure
package com.acme.web;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;

public class LogoutController {
    // Logout clears the session cookie; the language cookie is a preference.
    public void logout(HttpServletResponse response) {
        Cookie cleared = new Cookie("SESSION_TOKEN", null);
        cleared.setPath("/");
        response.addCookie(cleared);
        Cookie expired = new Cookie("REMEMBER_ME", "x");
        expired.setMaxAge(0);
        response.addCookie(expired);
        Cookie lang = new Cookie("lang", "en");
        response.addCookie(lang);
    }
}
