package io.tenantprovisioning.jenkins;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.tenantprovisioning.testing.AdapterRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Jenkins steps are adapters: see {@link AdapterRules}. */
class AdapterBoundaryTest {

    private static final String STEPS = "io.tenantprovisioning.jenkins";
    private static JavaClasses steps;

    @BeforeAll
    static void importSteps() {
        steps = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(STEPS);
    }

    @Test
    void theStepsUseOnlyTheApplicationLayerAndValues() {
        AdapterRules.usesOnlyTheApplicationLayerAndValues(STEPS).check(steps);
    }

    @Test
    void theStepsNeverReachBehindTheHandlers() {
        AdapterRules.neverReachesBehindTheHandlers(STEPS).check(steps);
    }
}
