package io.tenantprovisioning.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds core to the layers of docs/architecture.md: no cycle between top-level packages, and no
 * import from a lower layer to a higher one. A violation names the offending class and member.
 */
class LayeringTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tenantprovisioning");
    }

    @Test
    void topLevelPackagesFormNoCycle() {
        slices().matching("io.tenantprovisioning.(*)..").should().beFreeOfCycles().check(core);
    }

    @Test
    void everyLayerImportsOnlyTheLayersBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("application").definedBy("io.tenantprovisioning.application..")
                .layer("faults").definedBy("io.tenantprovisioning.faults..")
                .layer("checks and engines").definedBy("io.tenantprovisioning.validation..",
                        "io.tenantprovisioning.engine..", "io.tenantprovisioning.chargeback..")
                .layer("planning").definedBy("io.tenantprovisioning.plan..", "io.tenantprovisioning.rag..")
                .layer("resource kinds").definedBy("io.tenantprovisioning.resource..")
                .layer("records").definedBy("io.tenantprovisioning.registry..", "io.tenantprovisioning.notify..",
                        "io.tenantprovisioning.cost..", "io.tenantprovisioning.approval..")
                .layer("values").definedBy("io.tenantprovisioning.request..", "io.tenantprovisioning.tier..",
                        "io.tenantprovisioning.model..", "io.tenantprovisioning.config..",
                        "io.tenantprovisioning.progress..", "io.tenantprovisioning.text..",
                        "io.tenantprovisioning.report..")
                .whereLayer("application").mayNotBeAccessedByAnyLayer()
                .whereLayer("faults").mayOnlyBeAccessedByLayers("application")
                .whereLayer("checks and engines").mayOnlyBeAccessedByLayers("application", "faults",
                        "checks and engines")
                .whereLayer("planning").mayOnlyBeAccessedByLayers("application", "faults", "checks and engines")
                .whereLayer("resource kinds").mayOnlyBeAccessedByLayers("application", "faults",
                        "checks and engines", "planning")
                .whereLayer("records").mayOnlyBeAccessedByLayers("application", "faults", "checks and engines",
                        "planning", "resource kinds")
                .check(core);
    }
}
