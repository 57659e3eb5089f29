package io.tenantprovisioning.engine;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import java.util.Optional;

/**
 * The test hook TENANTCTL_FAIL_AT=&lt;step&gt;: reaching that step throws {@link InjectedFailure}, so
 * every step's rollback path can be exercised on real services. Step names: provision, configure,
 * validate, activate, and one per driver (postgres, redis, object-store, vector, monitoring,
 * signing-key), which fire after that driver's intent is journalled and before it creates anything.
 */
public final class FailurePoints {

    private final String failAt;

    private FailurePoints(String failAt) {
        this.failAt = failAt;
    }

    public static FailurePoints none() {
        return new FailurePoints(null);
    }

    public static FailurePoints at(String step) {
        return new FailurePoints(step);
    }

    public static FailurePoints from(Settings settings) {
        return new FailurePoints(settings.optional(Setting.TENANTCTL_FAIL_AT).map(String::trim).orElse(null));
    }

    public Optional<String> armedStep() {
        return Optional.ofNullable(failAt);
    }

    public void reach(String step) {
        if (step.equals(failAt)) {
            throw new InjectedFailure(step);
        }
    }

    /** Thrown at the armed step. */
    public static final class InjectedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFailure(String step) {
            super("injected failure at step '" + step + "' (TENANTCTL_FAIL_AT)");
        }
    }
}
