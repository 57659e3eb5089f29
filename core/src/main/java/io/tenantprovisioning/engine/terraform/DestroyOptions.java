package io.tenantprovisioning.engine.terraform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Options of {@code destroy}. {@code -json -auto-approve -input=false} are always passed.
 *
 * @param varFiles    {@code -var-file} paths, in order
 * @param lockTimeout {@code -lock-timeout}; zero (the default) fails at once when the lock is held
 */
public record DestroyOptions(List<Path> varFiles, Duration lockTimeout) {

    public static final DestroyOptions DEFAULTS = new DestroyOptions(List.of(), Duration.ZERO);

    public DestroyOptions {
        varFiles = List.copyOf(varFiles);
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        if (lockTimeout.isNegative()) {
            throw new IllegalArgumentException("lockTimeout must not be negative");
        }
    }

    public DestroyOptions withVarFiles(List<Path> files) {
        return new DestroyOptions(files, lockTimeout);
    }

    public DestroyOptions withLockTimeout(Duration value) {
        return new DestroyOptions(varFiles, value);
    }
}
