package io.tenantprovisioning.notify;

import io.tenantprovisioning.config.ConfigurationException;
import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.request.EmailAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how mail is sent. {@code user} and {@code password} are null when the server takes
 * mail without authentication; the password prints as {@code ****}.
 */
public record SmtpServer(String host, int port, String user, Secret password, EmailAddress from, boolean startTls) {

    public SmtpServer {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(from, "from");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SMTP port must be 1-65535, got " + port);
        }
        if (user != null && password == null) {
            throw new IllegalArgumentException("SMTP_USER is set but SMTP_PASSWORD is not");
        }
    }

    /** From SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASSWORD, SMTP_FROM, SMTP_STARTTLS; empty without SMTP_HOST. */
    public static Optional<SmtpServer> fromSettings(Settings settings) {
        Optional<String> host = settings.optional(Setting.SMTP_HOST);
        if (host.isEmpty()) {
            return Optional.empty();
        }
        String from = settings.string(Setting.SMTP_FROM);
        EmailAddress sender;
        try {
            sender = new EmailAddress(from);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("SMTP_FROM: " + e.getMessage());
        }
        return Optional.of(new SmtpServer(host.get(), settings.integer(Setting.SMTP_PORT),
                settings.optional(Setting.SMTP_USER).orElse(null), settings.secret(Setting.SMTP_PASSWORD).orElse(null),
                sender, settings.bool(Setting.SMTP_STARTTLS)));
    }

    boolean authenticated() {
        return user != null;
    }
}
