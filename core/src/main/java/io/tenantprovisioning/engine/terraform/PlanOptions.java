package io.tenantprovisioning.engine.terraform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Options of {@code plan}. {@code -input=false -no-color -out=<out> -json -detailed-exitcode} are
 * always passed.
 *
 * @param out         the plan file to write (relative to the working folder)
 * @param varFiles    {@code -var-file} paths, in order, after the folder's {@code *.auto.tfvars.json}
 * @param destroy     {@code -destroy}: plan the removal of everything in state
 * @param lockTimeout {@code -lock-timeout}: how long to wait for a held lock; zero (the default)
 *                    fails at once with {@link StateLockedException}
 */
public record PlanOptions(Path out, List<Path> varFiles, boolean destroy, Duration lockTimeout) {

    public static final PlanOptions DEFAULTS =
            new PlanOptions(Path.of("tenant.tfplan"), List.of(), false, Duration.ZERO);

    public PlanOptions {
        Objects.requireNonNull(out, "out");
        varFiles = List.copyOf(varFiles);
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        if (lockTimeout.isNegative()) {
            throw new IllegalArgumentException("lockTimeout must not be negative");
        }
    }

    public PlanOptions withOut(Path file) {
        return new PlanOptions(file, varFiles, destroy, lockTimeout);
    }

    public PlanOptions withVarFiles(List<Path> files) {
        return new PlanOptions(out, files, destroy, lockTimeout);
    }

    public PlanOptions withDestroy(boolean value) {
        return new PlanOptions(out, varFiles, value, lockTimeout);
    }

    public PlanOptions withLockTimeout(Duration value) {
        return new PlanOptions(out, varFiles, destroy, value);
    }
}
