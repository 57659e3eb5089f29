package io.tenantprovisioning.model;

import java.util.Locale;

/** Which provisioning engine creates the resources. */
public enum EngineKind {
    DIRECT, TERRAFORM;

    public static EngineKind parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("engine '" + text + "' is not one of direct, terraform");
        }
    }
}
