package io.tenantprovisioning.request;

/** Groups of regions that data-residency rules speak about. */
public enum RegionArea {
    US, EU, INDIA, APAC
}
