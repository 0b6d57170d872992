// bastion-fixture: src/main/java/org/example/web/SessionCookies.java
// A chain that builds the session cookie with HttpOnly but never sets Secure: sent over plain HTTP too.
package org.example.web;

import io.vertx.ext.web.RoutingContext;

public class SessionCookies {
    public void issue(RoutingContext ctx, String sessionId) {
        io.vertx.core.http.Cookie session = io.vertx.core.http.Cookie.cookie("SESSION", sessionId)
                .setHttpOnly(true)
                .setPath("/");
        // expect: cookie-insecure
        ctx.response().addCookie(session);
    }
}
