// bastion-fixture: src/main/java/org/example/web/VertxWebContext.java
// ok: cookie-insecure
// An adapter copies the framework cookie's own flags onto the server's cookie: Secure is set
// from the cookie it was given, in the chain that builds it.
package org.example.web;

import io.vertx.ext.web.RoutingContext;
import org.example.auth.Cookie;

public class VertxWebContext {
    private final RoutingContext routingContext;

    public VertxWebContext(RoutingContext routingContext) {
        this.routingContext = routingContext;
    }

    public void addResponseCookie(Cookie cookie) {
        io.vertx.core.http.Cookie vertxCookie = io.vertx.core.http.Cookie.cookie(cookie.getName(), cookie.getValue())
                .setHttpOnly(cookie.isHttpOnly())
                .setSecure(cookie.isSecure())
                .setPath(cookie.getPath());
        routingContext.response().addCookie(vertxCookie);
    }
}
