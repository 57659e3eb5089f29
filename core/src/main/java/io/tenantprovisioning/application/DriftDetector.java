package io.tenantprovisioning.application;

import io.tenantprovisioning.engine.ProvisioningEngine;
import io.tenantprovisioning.engine.terraform.RootPart;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.JournalEntry;
import io.tenantprovisioning.registry.JournalStatus;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceDescription;
import io.tenantprovisioning.resource.ResourceDriver;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.validation.CheckOutcome;
import io.tenantprovisioning.validation.CheckResult;
import io.tenantprovisioning.validation.CostTagsCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares a tenant's resource journal with its services: every resource journalled as CREATED must
 * still exist (its driver's {@code describe}) and still carry the TenantID, Tier and CostCenter tags it
 * was journalled with. Asks the services, never the registry, so a bucket deleted by hand or a tag
 * edited in a console shows up.
 */
final class DriftDetector {

    /** The id of the result re-validation appends to the suite's report. */
    static final String CHECK_ID = "resource-drift";
    static final List<String> COMPARED_TAGS = CostTagsCheck.REQUIRED_TAGS;

    private final Registry registry;
    private final Map<ResourceKind, ResourceDriver> drivers = new EnumMap<>(ResourceKind.class);
    private final Map<String, ProvisioningEngine> engines;

    DriftDetector(Registry registry, List<ResourceDriver> drivers, Map<String, ProvisioningEngine> engines) {
        this.registry = registry;
        drivers.forEach(d -> this.drivers.put(d.kind(), d));
        this.engines = Map.copyOf(engines);
    }

    /** Every drift of the tenant's created resources, in journal order; empty when none. */
    List<DriftFinding> findings(TenantRecord tenant) {
        List<DriftFinding> findings = new ArrayList<>();
        List<JournalEntry> created = registry.journal().entries(tenant.id()).stream()
                .filter(e -> e.status() == JournalStatus.CREATED).toList();
        for (JournalEntry entry : created) {
            findings.addAll(check(tenant.slug(), entry));
        }
        findings.addAll(engineDrift(tenant, created));
        return List.copyOf(findings);
    }

    /**
     * The creating engine's own view: for the terraform engine a re-plan of the tenant's workspace, which
     * must be empty after apply (its drift check of what Terraform owns: policies, encryption, tags_all).
     * Each change is reported against the journalled resource of the root part it belongs to.
     */
    private List<DriftFinding> engineDrift(TenantRecord tenant, List<JournalEntry> entries) {
        ProvisioningEngine engine = tenant.engine() == null ? null : engines.get(tenant.engine());
        if (engine == null) {
            return List.of();
        }
        List<JournalEntry> own = entries.stream().filter(e -> tenant.engine().equals(e.engine())).toList();
        if (own.isEmpty()) {
            return List.of(); // nothing the engine itself made: the journal comparison above covers it all
        }
        try {
            return engine.drift(tenant.slug(), ProgressListener.silent()).stream()
                    .map(change -> {
                        JournalEntry entry = owner(change, own);
                        return new DriftFinding(entry.kind(), entry.name(), DriftFinding.Problem.ENGINE_PLAN,
                                engine.name() + " would change it: " + change);
                    }).toList();
        } catch (RuntimeException e) {
            JournalEntry first = own.get(0);
            return List.of(new DriftFinding(first.kind(), first.name(), DriftFinding.Problem.UNREADABLE,
                    "could not re-plan its " + engine.name() + " workspace: " + e.getMessage()));
        }
    }

    /** The journalled resource whose root part holds the changed address (module.<part>.…); else the first. */
    private static JournalEntry owner(String change, List<JournalEntry> own) {
        for (JournalEntry entry : own) {
            for (RootPart part : RootPart.values()) {
                if (part.kind() == entry.kind() && change.contains("module." + part.folder() + ".")) {
                    return entry;
                }
            }
        }
        return own.get(0);
    }

    private List<DriftFinding> check(Slug slug, JournalEntry entry) {
        ResourceDriver driver = drivers.get(entry.kind());
        if (driver == null) {
            return List.of(new DriftFinding(entry.kind(), entry.name(), DriftFinding.Problem.UNREADABLE,
                    "no " + entry.kind().stepName() + " driver is configured here to read it back"));
        }
        Optional<ResourceDescription> now;
        try {
            now = driver.describe(slug);
        } catch (ResourceException | RuntimeException e) {
            return List.of(new DriftFinding(entry.kind(), entry.name(), DriftFinding.Problem.UNREADABLE,
                    "could not read it back: " + e.getMessage()));
        }
        if (now.isEmpty()) {
            return List.of(new DriftFinding(entry.kind(), entry.name(), DriftFinding.Problem.MISSING,
                    "journalled as created" + (entry.identifier() == null ? "" : " (" + entry.identifier() + ")")
                            + " but the service has no such resource"));
        }
        List<DriftFinding> changed = new ArrayList<>();
        for (String tag : COMPARED_TAGS) {
            String journalled = entry.tags().get(tag);
            if (journalled == null) {
                continue; // nothing was journalled to compare with
            }
            String actual = now.get().tags().get(tag);
            if (!journalled.equals(actual)) {
                changed.add(new DriftFinding(entry.kind(), entry.name(), DriftFinding.Problem.TAG_CHANGED,
                        actual == null ? "tag " + tag + " is gone (journalled '" + journalled + "')"
                                : "tag " + tag + " is '" + actual + "', journalled '" + journalled + "'"));
            }
        }
        return changed;
    }

    /**
     * The findings as one critical result, so the recorded run, the JUnit report and the DEGRADED
     * decision all see drift the same way a failed check is seen.
     */
    static CheckResult asResult(List<DriftFinding> findings, Duration elapsed) {
        CheckOutcome outcome;
        if (findings.isEmpty()) {
            outcome = new CheckOutcome.Passed("every journalled resource exists with its journalled tags",
                    "0 findings");
        } else {
            List<String> lines = new ArrayList<>();
            lines.add(findings.size() + " resource" + (findings.size() == 1 ? " drifted" : "s drifted")
                    + " from the journal:");
            findings.forEach(f -> lines.add("- " + f.line()));
            outcome = new CheckOutcome.Failed(String.join("\n", lines), findings.size() + " findings");
        }
        return new CheckResult(CHECK_ID, "Resource drift", true, outcome, elapsed);
    }
}
