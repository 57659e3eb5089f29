package io.tenantprovisioning.config;

/** Configuration is missing or malformed; the message says which setting and how to fix it. */
public final class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }
}
