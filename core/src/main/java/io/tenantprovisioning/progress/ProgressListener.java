package io.tenantprovisioning.progress;

/**
 * Where long-running work reports progress: a terminal line, a Jenkins build log, a test's list.
 * Implementations must not throw. Messages never contain secrets.
 */
@FunctionalInterface
public interface ProgressListener {

    void event(String step, String message);

    static ProgressListener silent() {
        return (step, message) -> { };
    }
}
