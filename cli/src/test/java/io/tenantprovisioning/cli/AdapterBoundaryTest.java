package io.tenantprovisioning.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.tenantprovisioning.testing.AdapterRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CLI is an adapter: see {@link AdapterRules}. */
class AdapterBoundaryTest {

    private static final String CLI = "io.tenantprovisioning.cli";
    private static JavaClasses cli;

    @BeforeAll
    static void importCli() {
        cli = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(CLI);
    }

    @Test
    void theCliUsesOnlyTheApplicationLayerAndValues() {
        AdapterRules.usesOnlyTheApplicationLayerAndValues(CLI).check(cli);
    }

    @Test
    void theCliNeverReachesBehindTheHandlers() {
        AdapterRules.neverReachesBehindTheHandlers(CLI).check(cli);
    }
}
