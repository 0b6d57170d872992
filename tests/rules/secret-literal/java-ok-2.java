// bastion-fixture: api/src/main/java/org/acme/util/Constants.java
// ok: secret-literal
package org.acme.util;

public final class Constants {
    // Names of global properties: where the settings live, not the settings.
    public static final String GP_PASSWORD_RESET_VALIDTIME = "security.validTime";
    public static final String GP_PASSWORD_MIN_LENGTH = "security.passwordMinimumLength";

    private Constants() {}
}
