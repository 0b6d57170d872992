// bastion-fixture: src/main/java/org/example/web/LoginCookies.java
// Another cookie of the method built with Secure says nothing of the session cookie.
package org.example.web;

import io.vertx.ext.web.RoutingContext;

public class LoginCookies {
    public void issue(RoutingContext ctx, String sessionId, String theme) {
        io.vertx.core.http.Cookie prefs = io.vertx.core.http.Cookie.cookie("ui", theme).setSecure(true);
        ctx.response().addCookie(prefs);
        io.vertx.core.http.Cookie session = io.vertx.core.http.Cookie.cookie("SESSION", sessionId)
                .setHttpOnly(true);
        // expect: cookie-insecure
        ctx.response().addCookie(session);
    }
}
