package io.tenantprovisioning.request;

/** How sensitive the tenant's data is. PII and PHI need Legal and Compliance approval. */
public enum DataClassification {
    PUBLIC, INTERNAL, CONFIDENTIAL, PII, PHI;

    public boolean isSensitive() {
        return this == PII || this == PHI;
    }
}
