// bastion-fixture: src/main/java/com/acme/client/PartnerClient.java
// ok: cookie-insecure
package com.acme.client;

import javax.servlet.http.Cookie;
import org.apache.http.impl.client.BasicCookieStore;
import org.apache.http.impl.cookie.BasicClientCookie;

// The partner API expects its session cookie: it is put in the HTTP client's cookie
// store for the calls this server makes, never sent to a browser.
public class PartnerClient {
    private final BasicCookieStore cookieStore = new BasicCookieStore();

    public void login(String sessionToken) {
        BasicClientCookie cookie = new BasicClientCookie("SESSION_TOKEN", sessionToken);
        cookie.setDomain("partner.example.com");
        cookieStore.addCookie(cookie);
    }
}
