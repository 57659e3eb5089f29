package io.tenantprovisioning.approval;

import java.util.Locale;
import java.util.Objects;

/**
 * A person (or the build, or the policy) who asks for a tenant or decides on a request, and where
 * that identity came from. Two actors are the same person when their ids match ignoring case and
 * surrounding blanks, as Jenkins' default user-id strategy does: "Alice" may not approve what
 * "alice" requested.
 */
public record Actor(String id, IdentitySource source) {

    public Actor {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an actor needs an identity (who it is)");
        }
        id = id.trim();
        Objects.requireNonNull(source, "source");
    }

    /** A name stated through the Java API, vouched for by nobody (tests, embedding). */
    public static Actor stated(String id) {
        return new Actor(id, IdentitySource.STATED);
    }

    public boolean isSamePersonAs(String otherId) {
        return otherId != null && normalized(id).equals(normalized(otherId));
    }

    /** "alice (cli:os-user)", for messages and the audit log. */
    public String describe() {
        return id + " (" + source.label() + ")";
    }

    private static String normalized(String id) {
        return id.trim().toLowerCase(Locale.ROOT);
    }
}
