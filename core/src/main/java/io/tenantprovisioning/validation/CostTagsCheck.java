package io.tenantprovisioning.validation;

import io.tenantprovisioning.model.ChargebackTags;
import io.tenantprovisioning.resource.ResourceDescription;
import io.tenantprovisioning.resource.ResourceDriver;
import io.tenantprovisioning.resource.TenantAccess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Check 8: reads every resource of the tenant back from its own service and compares the
 * chargeback tags (TenantID, Tier, CostCenter) with the expected values. Non-critical: problems are
 * a WARNING listing, per resource, each missing tag and each wrong value; a resource the service no
 * longer has is listed too.
 */
public final class CostTagsCheck implements ValidationCheck {

    public static final String ID = "cost-tags";
    public static final List<String> REQUIRED_TAGS =
            List.of(ChargebackTags.TENANT_ID, ChargebackTags.TIER, ChargebackTags.COST_CENTER);

    private final List<ResourceDriver> drivers;
    private final Optional<Map<String, String>> expectedTags;

    /** Compares against the tags recorded for the tenant ({@link TenantAccess#tags()}). */
    public CostTagsCheck(List<ResourceDriver> drivers) {
        this(drivers, Optional.empty());
    }

    /** Compares against the given expected tags (e.g. {@link ChargebackTags#asMap()}). */
    public CostTagsCheck(List<ResourceDriver> drivers, Map<String, String> expectedTags) {
        this(drivers, Optional.of(Map.copyOf(expectedTags)));
    }

    private CostTagsCheck(List<ResourceDriver> drivers, Optional<Map<String, String>> expectedTags) {
        if (drivers.isEmpty()) {
            throw new IllegalArgumentException("cost-tags check needs at least one resource driver to read back");
        }
        this.drivers = List.copyOf(drivers);
        this.expectedTags = expectedTags;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Cost tags";
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(15);
    }

    @Override
    public boolean critical() {
        return false;
    }

    @Override
    public CheckOutcome run(TenantAccess tenant) {
        Map<String, String> expected = expectedTags.orElse(tenant.tags());
        List<String> unknown = REQUIRED_TAGS.stream().filter(t -> blank(expected.get(t))).toList();
        if (!unknown.isEmpty()) {
            return new CheckOutcome.Warning("cannot check cost tags: no expected value recorded for "
                    + String.join(", ", unknown), null);
        }
        List<String> problems = new ArrayList<>();
        for (ResourceDriver driver : drivers) {
            problemOf(driver, tenant, expected).ifPresent(problems::add);
        }
        String figure = (drivers.size() - problems.size()) + "/" + drivers.size() + " resources tagged";
        if (problems.isEmpty()) {
            return new CheckOutcome.Passed(String.join(", ", REQUIRED_TAGS) + " correct on " + drivers.size()
                    + " resources", figure);
        }
        List<String> lines = new ArrayList<>();
        lines.add(problems.size() + " of " + drivers.size() + " resources have cost-tag problems:");
        problems.forEach(p -> lines.add("- " + p));
        return new CheckOutcome.Warning(String.join("\n", lines), figure);
    }

    /** What is wrong with one resource's tags, or empty when they are right. */
    private static Optional<String> problemOf(ResourceDriver driver, TenantAccess tenant,
                                              Map<String, String> expected) {
        String kind = driver.kind().stepName();
        Optional<ResourceDescription> described;
        try {
            described = driver.describe(tenant.slug());
        } catch (Exception e) {
            return Optional.of(kind + ": could not read the resource back: " + ValidationSuite.describe(e));
        }
        if (described.isEmpty()) {
            return Optional.of(kind + ": resource missing (the service has no " + kind + " resource for "
                    + tenant.slug() + ")");
        }
        List<String> wrong = tagProblems(described.get().tags(), expected);
        if (wrong.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(kind + " " + described.get().name() + ": " + String.join("; ", wrong));
    }

    private static List<String> tagProblems(Map<String, String> actual, Map<String, String> expected) {
        List<String> missing = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (String tag : REQUIRED_TAGS) {
            String value = actual.get(tag);
            if (value == null) {
                missing.add(tag);
            } else if (!value.equals(expected.get(tag))) {
                wrong.add(tag + " is '" + value + "', expected '" + expected.get(tag) + "'");
            }
        }
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("missing " + String.join(", ", missing));
        }
        problems.addAll(wrong);
        return problems;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
