// bastion-fixture: src/main/java/com/acme/config/SecurityNames.java
package com.acme.config;
// ok: secret-literal

// Names of things that hold secrets, not secrets: an OpenAPI security scheme, the
// configuration key a secret is read from, and a seeded user's password hash.
public final class SecurityNames {
    private static final String LOGIN_PASSWORD_SCHEME = "HttpLoginForm";
    public static final String AZURE_SECRET_TENANT_ID = "resource.azure.tenant.id";
    public static final String CLIENT_SECRET_PROPERTY = "acme.oauth.client-secret";
    static final String SEEDED_ADMIN_PASSWORD_HASH = "AQAAAAEAACcQAAAAEAEqSCV8Bpg69irmeg8N86U503jGEAYf";

    private SecurityNames() {}
}
