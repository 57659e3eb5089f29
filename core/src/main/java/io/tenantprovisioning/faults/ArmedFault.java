package io.tenantprovisioning.faults;

import java.util.Objects;

/** One entry of a {@link FaultPlan}: a point and what reaching it does. Text form {@code site:target=effect}. */
public record ArmedFault(FaultPoint point, FaultEffect effect) {

    public ArmedFault {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(effect, "effect");
    }

    /** Parses {@code site:target=effect}; throws {@link InvalidFaultSpecException} saying what is wrong. */
    public static ArmedFault parse(String text) {
        String fault = text == null ? "" : text.trim();
        int equals = fault.indexOf('=');
        if (equals < 0) {
            throw new InvalidFaultSpecException("fault '" + fault
                    + "' must be <site>:<target>=<effect>; valid effects: " + FaultEffect.GRAMMAR);
        }
        return new ArmedFault(FaultPoint.parse(fault.substring(0, equals)),
                FaultEffect.parse(fault.substring(equals + 1)));
    }

    @Override
    public String toString() {
        return point + "=" + effect.text();
    }
}
