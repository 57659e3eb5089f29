package io.tenantprovisioning.engine;

import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.resource.ResourceDriver;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.model.SecretVault;
import io.tenantprovisioning.resource.TenantResourceSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The `direct` engine: the drivers create the plan's resources themselves, in dependency order,
 * journal first. Credentials they return go to the encrypted vault, never to the journal.
 */
public final class DirectEngine implements ProvisioningEngine {

    public static final String NAME = "direct";

    private final List<ResourceDriver> drivers;
    private final SecretVault vault;
    private final FailurePoints failurePoints;

    private final BiFunction<ResourceKind, Slug, String> nameOf;

    /** @param nameOf the planned name of each kind (for the intent row) */
    public DirectEngine(List<ResourceDriver> drivers, SecretVault vault, FailurePoints failurePoints,
                        BiFunction<ResourceKind, Slug, String> nameOf) {
        this.drivers = drivers.stream().sorted(Comparator.comparing(ResourceDriver::kind)).toList();
        this.vault = vault;
        this.failurePoints = failurePoints;
        this.nameOf = nameOf;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Creates every resource; returns the non-secret attributes of all of them. Throws on the first
     * failure, leaving the journal saying exactly how far it got.
     */
    @Override
    public Map<String, String> provision(TenantResourceSpec spec, ProvisioningJournal journal,
                                         ProgressListener progress) throws ResourceException {
        Map<String, String> outputs = new LinkedHashMap<>();
        for (ResourceDriver driver : drivers) {
            ResourceKind kind = driver.kind();
            long entry = journal.intend(kind, nameOf.apply(kind, spec.slug()), NAME);
            failurePoints.reach(kind.stepName());
            long started = System.nanoTime();
            CreatedResource created = driver.create(spec);
            created.secrets().forEach((name, value) -> vault.put(spec.slug(), name, value));
            journal.created(entry, created, spec.tags());
            outputs.putAll(created.attributes());
            progress.event("provision", String.format("created %-12s %s (%d ms)", kind.stepName(), created.name(),
                    (System.nanoTime() - started) / 1_000_000));
        }
        return outputs;
    }

    /**
     * Compensation: destroys every kind in reverse creation order, attempting each one even when an
     * earlier one failed. Returns one line per failure (empty = all destroyed).
     */
    @Override
    public List<String> destroy(Slug slug, ProgressListener progress) {
        List<String> errors = new ArrayList<>();
        List<ResourceDriver> reverse = new ArrayList<>(drivers);
        java.util.Collections.reverse(reverse);
        for (ResourceDriver driver : reverse) {
            try {
                driver.destroy(slug);
                progress.event("rollback", "destroyed " + driver.kind().stepName() + " of " + slug);
            } catch (ResourceException | RuntimeException e) {
                errors.add(driver.kind().stepName() + ": " + e.getMessage());
                progress.event("rollback", "could not destroy " + driver.kind().stepName() + ": " + e.getMessage());
            }
        }
        try {
            vault.deleteAll(slug);
        } catch (RuntimeException e) {
            // one more failed compensation, reported like the others: the sweep still runs after it
            errors.add("vault secrets: " + e.getMessage());
        }
        return errors;
    }

    public List<ResourceDriver> drivers() {
        return drivers;
    }

    /** Where this engine keeps the tenants' credentials (the terraform engine stores its secret outputs there too). */
    public SecretVault vault() {
        return vault;
    }
}
