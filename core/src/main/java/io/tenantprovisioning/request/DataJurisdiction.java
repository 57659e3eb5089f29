package io.tenantprovisioning.request;

import java.util.Optional;

/** The legal regime the tenant's data falls under, and where it must stay. */
public enum DataJurisdiction {
    NONE(null), GDPR(RegionArea.EU), DPDPA(RegionArea.INDIA), HIPAA(null), PCI_DSS(null);

    private final RegionArea residency;

    DataJurisdiction(RegionArea residency) {
        this.residency = residency;
    }

    /** The area the data must stay in unless a cross-border transfer is approved. */
    public Optional<RegionArea> residency() {
        return Optional.ofNullable(residency);
    }
}
