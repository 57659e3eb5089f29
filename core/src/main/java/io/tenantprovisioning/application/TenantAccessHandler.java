package io.tenantprovisioning.application;

import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.rag.RagAnswer;
import io.tenantprovisioning.rag.TokenRejectedException;
import io.tenantprovisioning.request.Slug;
import java.time.Duration;
import java.util.Set;

/** token and query: short-lived tenant tokens, and the tenant RAG query they authorise. */
public final class TenantAccessHandler {

    /** Tokens are issued for tenants that serve traffic only. */
    public static final Set<TenantState> STARTS_FROM = Revalidation.STARTS_FROM;

    private final PlatformGraph graph;

    TenantAccessHandler(PlatformGraph graph) {
        this.graph = graph;
    }

    /** A JWT signed with the tenant's own key; refused unless the tenant is ACTIVE or DEGRADED. */
    public String issueToken(Slug slug, Duration lifetime) {
        TenantState state = graph.registry.tenants().require(slug).state();
        if (!STARTS_FROM.contains(state)) {
            throw new IllegalArgumentException("tenant '" + slug + "' is " + state
                    + "; tokens are issued for ACTIVE tenants only");
        }
        return graph.services.tokens().issue(slug, lifetime);
    }

    /**
     * The tenant RAG query: the token names the tenant, the answer comes from that tenant's namespace only.
     *
     * @throws TokenRejectedException when the token is not valid for any tenant
     */
    public RagAnswer query(String bearerToken, String question, int topK) throws Exception {
        return graph.services.queryService().answer(bearerToken, question, topK);
    }
}
