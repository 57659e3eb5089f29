package io.tenantprovisioning.notify;

import java.util.List;
import java.util.Objects;

/**
 * Removes known secret values from text that came from a library (exception messages, server
 * answers) before it goes into an outcome. Ours never contain secrets; theirs might echo one.
 */
final class Redactor {

    private final List<String> secrets;

    Redactor(List<String> secrets) {
        // longest first, so a secret containing another is replaced whole
        this.secrets = secrets.stream().filter(Objects::nonNull).filter(s -> s.length() >= 4)
                .sorted((a, b) -> b.length() - a.length()).toList();
    }

    String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, "****");
        }
        return result;
    }

    /** "MailConnectException: Couldn't connect (caused by ConnectException: Connection refused)", redacted. */
    String describe(Throwable error) {
        String text = oneLine(error);
        Throwable cause = error.getCause();
        return cause == null || cause == error ? text : text + " (caused by " + oneLine(cause) + ")";
    }

    private String oneLine(Throwable error) {
        String message = error.getMessage();
        String name = error.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + ": " + redact(message);
    }
}
