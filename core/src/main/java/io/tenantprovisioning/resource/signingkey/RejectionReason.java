package io.tenantprovisioning.resource.signingkey;

/** Why a tenant token was refused. */
public enum RejectionReason {
    /** Not three base64url parts of JSON, or a required claim (exp, tenant_id) missing. */
    MALFORMED,
    /** {@code alg} is {@code none} (or absent): an unsigned token is never accepted. */
    UNSIGNED,
    /** Signed with an algorithm other than HS256. */
    WRONG_ALGORITHM,
    /** The signature does not match the tenant's key: another key, or the token was altered. */
    BAD_SIGNATURE,
    /** Past its {@code exp}. */
    EXPIRED,
    /** Validly signed, but its {@code tenant_id} names another tenant. */
    WRONG_TENANT
}
