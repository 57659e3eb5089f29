package io.tenantprovisioning.request;

import java.math.BigDecimal;

/** A cloud region a tenant can be placed in, with its cost multiplier. */
public record Region(String code, BigDecimal costMultiplier, RegionArea area) {
    public Region {
        if (costMultiplier.signum() <= 0) {
            throw new IllegalArgumentException("region " + code + ": cost multiplier must be positive");
        }
    }
}
