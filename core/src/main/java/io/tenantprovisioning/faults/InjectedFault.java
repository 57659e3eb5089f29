package io.tenantprovisioning.faults;

/**
 * Thrown where an armed fault fires. The message names the point reached and the armed fault that
 * matched it; points hold only sites and target names, so it never carries a secret.
 */
public final class InjectedFault extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient FaultPoint point;

    InjectedFault(FaultPoint point, ArmedFault armed, int failureNumber) {
        super("injected fault at " + point + " (armed as " + armed + failureCount(armed, failureNumber) + ")");
        this.point = point;
    }

    private static String failureCount(ArmedFault armed, int failureNumber) {
        return armed.effect() instanceof FaultEffect.FailTimes times
                ? ", failure " + failureNumber + " of " + times.times()
                : "";
    }

    /** The point that was reached (its target is concrete unless the call concerned no single target). */
    public FaultPoint point() {
        return point;
    }
}
