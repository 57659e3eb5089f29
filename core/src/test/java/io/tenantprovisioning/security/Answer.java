package io.tenantprovisioning.security;

/**
 * What a real service answered to one attempt made with a tenant's own credential: refused (and how),
 * or allowed (with what happened). An attempt that got past authorization and failed later for another
 * reason counts as allowed: the credential had the permission.
 */
record Answer(boolean refused, String detail) {

    static Answer refused(String detail) {
        return new Answer(true, detail);
    }

    static Answer allowed(String detail) {
        return new Answer(false, detail);
    }

    @Override
    public String toString() {
        return (refused ? "refused: " : "allowed: ") + detail;
    }
}
