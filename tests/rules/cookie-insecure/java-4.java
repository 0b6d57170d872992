// bastion-fixture: src/main/java/com/acme/web/AuthController.java
package com.acme.web;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;

public class AuthController {
    public void logout(HttpServletResponse response, String token) {
        // Only the cookie made empty is cleared; the one carrying the token is not.
        Cookie cleared = new Cookie("SESSION_TOKEN", null);
        response.addCookie(cleared);
        Cookie session = new Cookie("SESSION_TOKEN", token);
        // expect: cookie-insecure
        response.addCookie(session);
        Cookie lang = new Cookie("lang", "en");
        response.addCookie(lang);
    }
}
