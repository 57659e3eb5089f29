package io.tenantprovisioning.engine;

import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.model.SecretVault;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ConfiguredResource;
import io.tenantprovisioning.resource.ResourceDriver;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.resource.TerraformCreated;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The `direct` engine: the drivers create the plan's resources themselves, in dependency order, journal
 * first, then configure them in the same order. Credentials they return go to the encrypted vault, never
 * to the journal. The terraform engine runs its per-kind steps too, for what Terraform does not create.
 */
public final class DirectEngine implements ProvisioningEngine {

    public static final String NAME = "direct";
    /** The progress step of the configure phase (the create phase reports under "provision"). */
    public static final String CONFIGURE_STEP = "configure";

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

    /** Creates every resource with its driver. Throws on the first failure. */
    @Override
    public CreatedResources create(TenantResourceSpec spec, ProvisioningJournal journal, ProgressListener progress)
            throws ResourceException {
        List<CreatedResources.Entry> entries = new ArrayList<>();
        for (ResourceDriver driver : drivers) {
            entries.add(create(driver.kind(), spec, journal, progress));
        }
        return new CreatedResources(entries, Map.of());
    }

    /**
     * One kind's create phase: the intent row, the TENANTCTL_FAIL_AT step of the kind, the driver's create,
     * its credentials into the vault, the entry marked created.
     */
    public CreatedResources.Entry create(ResourceKind kind, TenantResourceSpec spec, ProvisioningJournal journal,
                                         ProgressListener progress) throws ResourceException {
        ResourceDriver driver = driver(kind);
        long entry = journal.intend(kind, nameOf.apply(kind, spec.slug()), NAME);
        failurePoints.reach(kind.stepName());
        long started = System.nanoTime();
        CreatedResource created = driver.create(spec);
        record(entry, created, spec, journal);
        progress.event("provision", String.format("created %-12s %s (%d ms)", kind.stepName(), created.name(),
                millisSince(started)));
        return new CreatedResources.Entry(entry, created);
    }

    /**
     * One kind's create phase when Terraform created the resource: the intent row was written before the
     * apply; the driver reads the resource back and reports it with Terraform's credentials, which go to the
     * vault as they are (never re-issued), and the entry is marked created.
     */
    public CreatedResources.Entry adopt(long entry, ResourceKind kind, TenantResourceSpec spec,
                                        TerraformCreated terraform, ProvisioningJournal journal,
                                        ProgressListener progress) throws ResourceException {
        failurePoints.reach(kind.stepName());
        CreatedResource adopted = driver(kind).adopt(spec, terraform);
        record(entry, adopted, spec, journal);
        progress.event("provision", String.format("adopted %-12s %s (created by Terraform)", kind.stepName(),
                adopted.name()));
        return new CreatedResources.Entry(entry, adopted);
    }

    /**
     * Configures every created resource in creation order: the kind's TENANTCTL_FAIL_AT step
     * ({@code configure-<kind>}), the driver's configure, the entry's attributes brought up to date.
     * Throws on the first failure.
     */
    @Override
    public ConfiguredResources configure(TenantResourceSpec spec, CreatedResources created,
                                         ProvisioningJournal journal, ProgressListener progress)
            throws ResourceException {
        Map<String, String> outputs = new LinkedHashMap<>(created.engineOutputs());
        List<String> applied = new ArrayList<>();
        for (CreatedResources.Entry entry : created.entries()) {
            ResourceKind kind = entry.resource().kind();
            failurePoints.reach(kind.configureStepName());
            long started = System.nanoTime();
            ConfiguredResource configured = driver(kind).configure(spec, entry.resource());
            if (!configured.resource().attributes().equals(entry.resource().attributes())) {
                journal.configured(entry.journalEntry(), configured.resource(), spec.tags());
            }
            outputs.putAll(configured.resource().attributes());
            configured.applied().forEach(line -> applied.add(kind.stepName() + ": " + line));
            progress.event(CONFIGURE_STEP, String.format("configured %-12s %s (%d ms)", kind.stepName(),
                    configured.applied().isEmpty() ? "nothing to configure" : String.join("; ", configured.applied()),
                    millisSince(started)));
        }
        return new ConfiguredResources(outputs, applied);
    }

    /**
     * Compensation: destroys every kind in reverse creation order, attempting each one even when an
     * earlier one failed. Returns one line per failure (empty = all destroyed).
     */
    @Override
    public List<String> destroy(Slug slug, ProgressListener progress) {
        List<String> errors = new ArrayList<>();
        List<ResourceDriver> reverse = new ArrayList<>(drivers);
        Collections.reverse(reverse);
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

    /** The kinds this engine has drivers for, in creation order. */
    public List<ResourceKind> kinds() {
        return drivers.stream().map(ResourceDriver::kind).toList();
    }

    /** Where this engine keeps the tenants' credentials (the terraform engine stores its secret outputs there too). */
    public SecretVault vault() {
        return vault;
    }

    /** The planned name of a kind's resource (the intent row's name). */
    public String nameOf(ResourceKind kind, Slug slug) {
        return nameOf.apply(kind, slug);
    }

    private void record(long entry, CreatedResource created, TenantResourceSpec spec, ProvisioningJournal journal) {
        created.secrets().forEach((name, value) -> vault.put(spec.slug(), name, value));
        journal.created(entry, created, spec.tags());
    }

    private ResourceDriver driver(ResourceKind kind) throws ResourceException {
        Optional<ResourceDriver> driver = drivers.stream().filter(d -> d.kind() == kind).findFirst();
        return driver.orElseThrow(() -> new ResourceException(kind.stepName() + ": no driver is configured"));
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
