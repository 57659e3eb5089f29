package io.tenantprovisioning.engine;

import java.util.List;
import java.util.Objects;

/**
 * A saved plan an engine made before approval, for approvers to read and for the approval to bind to.
 *
 * @param engine    the engine that made it (and the only one that can apply it)
 * @param sha256    SHA-256 (hex, lower case) of the saved plan file: the approval records it and the
 *                  apply re-hashes the file and refuses any other
 * @param summary   what applying it does, one line per resource address and action, then the counts
 *                  ("+ create aws_s3_bucket.tenant", "1 to create, 0 to update, 0 to replace, 0 to delete");
 *                  addresses and actions only, never a value (plans can hold sensitive values)
 */
public record EnginePlan(String engine, String sha256, List<String> summary) {

    public EnginePlan {
        Objects.requireNonNull(engine, "engine");
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a plan's SHA-256 is 64 lower-case hex digits, not '" + sha256 + "'");
        }
        summary = List.copyOf(summary);
    }
}
