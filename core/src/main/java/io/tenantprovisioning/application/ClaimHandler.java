package io.tenantprovisioning.application;

import io.tenantprovisioning.model.ChargebackTags;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.AuditEntry;
import io.tenantprovisioning.registry.JournalEntry;
import io.tenantprovisioning.registry.JournalStatus;
import io.tenantprovisioning.registry.StateConflictException;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.OwnershipMarker;
import io.tenantprovisioning.resource.OwnershipMarker.Ownership;
import io.tenantprovisioning.resource.ResourceDescription;
import io.tenantprovisioning.resource.ResourceDriver;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.TenantResourceSpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code tenantctl claim}: stamps this registry's ownership marker on a tenant's resources created before
 * registry markers existed (tenantctl's {@code ManagedBy}/{@code TenantID} tags, no {@code TenantctlRegistry}),
 * which destroy refuses and the sweep never lists, so that such a tenant can be rolled back or offboarded.
 *
 * <p>A name proves nothing, so a resource is claimed only when the tenant's own journal records a created
 * resource of its kind and the resource's tags name the tenant and tenantctl. Every kind is assessed first;
 * if any resource cannot be claimed, none is (all or nothing), and the dry run (the default) only reports.
 */
public final class ClaimHandler {

    /** The tenants that hold resources and whose run has ended (an offboarding that met such a resource). */
    public static final Set<TenantState> STARTS_FROM = EnumSet.of(TenantState.ACTIVE, TenantState.DEGRADED,
            TenantState.ROLLBACK_FAILED, TenantState.OFFBOARDING);

    /** The audit action of a claim that stamped something. */
    static final String AUDIT_ACTION = "claimed";

    private final PlatformGraph graph;

    ClaimHandler(PlatformGraph graph) {
        this.graph = graph;
    }

    /** Assesses every kind, then (with {@code apply}) stamps the claimable ones, under the tenant's run lock. */
    public ClaimResult claim(Slug slug, boolean apply, ProgressListener progress) {
        return graph.underRunLock(slug, "claim", () -> {
            TenantRecord tenant = graph.registry.tenants().require(slug);
            if (!STARTS_FROM.contains(tenant.state())) {
                throw new StateConflictException("tenant '" + slug + "' is " + tenant.state() + "; claim works on a "
                        + "tenant that holds resources and has no run going (" + STARTS_FROM + "); nothing was changed");
            }
            List<JournalEntry> journal = graph.registry.journal().entries(tenant.id());
            List<Assessed> assessed = new ArrayList<>();
            for (ResourceDriver driver : graph.services.drivers()) {
                assessed.add(assess(tenant, driver, journal));
            }
            boolean refused = assessed.stream().anyMatch(a -> a.item().standing() == ClaimResult.Standing.REFUSED);
            if (!apply || refused || assessed.stream().noneMatch(Assessed::claimable)) {
                assessed.forEach(a -> progress.event("claim", line(a.item())));
                return new ClaimResult(slug.value(), false, assessed.stream().map(Assessed::item).toList());
            }
            return stamp(tenant, assessed, progress);
        });
    }

    private ClaimResult stamp(TenantRecord tenant, List<Assessed> assessed, ProgressListener progress) {
        List<ClaimResult.Item> items = new ArrayList<>();
        List<String> claimed = new ArrayList<>();
        for (Assessed a : assessed) {
            if (!a.claimable()) {
                items.add(a.item());
                continue;
            }
            JournalEntry entry = a.entry().orElseThrow();
            TenantResourceSpec spec = spec(tenant, entry);
            try {
                a.driver().claim(spec);
            } catch (ResourceException e) {
                throw new ClaimFailedException(a.item().kind() + ": " + e.getMessage() + " (claimed before it: "
                        + (claimed.isEmpty() ? "nothing" : String.join(", ", claimed)) + "; claim again to finish)", e);
            }
            graph.registry.journal().markCreated(entry.id(), entry.identifier(), spec.tags(), entry.attributes());
            ClaimResult.Item item = withStanding(a.item(), ClaimResult.Standing.CLAIMED,
                    "now carries " + OwnershipMarker.REGISTRY_TAG + "=" + graph.services.marker().registry());
            progress.event("claim", line(item));
            items.add(item);
            claimed.add(item.kind() + " " + item.name());
        }
        graph.registry.audit().append(new AuditEntry(graph.actor(), tenant.slug().value(), AUDIT_ACTION, null, null,
                "stamped this registry's marker on " + String.join(", ", claimed)));
        return new ClaimResult(tenant.slug().value(), true, items);
    }

    private Assessed assess(TenantRecord tenant, ResourceDriver driver, List<JournalEntry> journal) {
        String kind = driver.kind().stepName();
        Optional<JournalEntry> entry = journal.stream()
                .filter(e -> e.kind() == driver.kind() && e.status() == JournalStatus.CREATED).reduce((a, b) -> b);
        String journalled = entry.map(JournalEntry::identifier).orElse(null);
        Optional<ResourceDescription> found;
        try {
            found = driver.describe(tenant.slug());
        } catch (ResourceException | RuntimeException e) {
            return new Assessed(driver, entry, new ClaimResult.Item(kind, "?", null, journalled,
                    ClaimResult.Standing.REFUSED, "could not read it: " + e.getMessage()));
        }
        if (found.isEmpty()) {
            return new Assessed(driver, entry, new ClaimResult.Item(kind, "-", null, journalled,
                    ClaimResult.Standing.ABSENT, "the service has no resource of this kind for the tenant"));
        }
        ResourceDescription d = found.get();
        Ownership ownership = graph.services.marker().of(d.tags(), tenant.slug());
        if (ownership == Ownership.OURS) {
            return new Assessed(driver, entry, new ClaimResult.Item(kind, d.name(), d.identifier(), journalled,
                    ClaimResult.Standing.ALREADY_OURS, "carries this registry's marker"));
        }
        String refusal = refusal(tenant, d, ownership, entry);
        if (refusal == null) {
            try {
                driver.checkClaim(spec(tenant, entry.orElseThrow()));
            } catch (ResourceException | RuntimeException e) {
                refusal = e.getMessage(); // another part of the resource (a bucket's IAM user, say) is not claimable
            }
        }
        ClaimResult.Item item = new ClaimResult.Item(kind, d.name(), d.identifier(), journalled,
                refusal == null ? ClaimResult.Standing.CLAIMABLE : ClaimResult.Standing.REFUSED,
                refusal == null ? "tenantctl's tags from before registry markers; the journal records it" : refusal);
        return new Assessed(driver, entry, item);
    }

    /** The tags the journal says the resource was created with, with this registry's marker. */
    private TenantResourceSpec spec(TenantRecord tenant, JournalEntry entry) {
        return new TenantResourceSpec(tenant.slug(), graph.services.marker().stamp(entry.tags(), tenant.slug()),
                tenant.tierConfig());
    }

    /** Why the resource may not be claimed, or null when it may. */
    private static String refusal(TenantRecord tenant, ResourceDescription d, Ownership ownership,
                                  Optional<JournalEntry> entry) {
        if (ownership != Ownership.PRE_REGISTRY) {
            return "its tags say " + ownership + ", not tenantctl's from before registry markers";
        }
        if (!tenant.slug().value().equals(d.tags().get(ChargebackTags.TENANT_ID))) {
            return "its tags do not name tenant '" + tenant.slug() + "' (" + ChargebackTags.TENANT_ID + "="
                    + d.tags().get(ChargebackTags.TENANT_ID) + ")";
        }
        if (entry.isEmpty()) {
            return "the journal of tenant '" + tenant.slug() + "' records no created resource of this kind, so this "
                    + "registry cannot say it created it";
        }
        return null;
    }

    private static ClaimResult.Item withStanding(ClaimResult.Item item, ClaimResult.Standing standing, String detail) {
        return new ClaimResult.Item(item.kind(), item.name(), item.identifier(), item.journalIdentifier(), standing,
                detail);
    }

    private static String line(ClaimResult.Item item) {
        return String.format("%-12s %-13s %s: %s", item.kind(), item.standing(), item.name(), item.detail());
    }

    private record Assessed(ResourceDriver driver, Optional<JournalEntry> entry, ClaimResult.Item item) {
        boolean claimable() {
            return item.standing() == ClaimResult.Standing.CLAIMABLE;
        }
    }
}
