package io.tenantprovisioning.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import io.tenantprovisioning.application.TenantPlatform;
import java.util.List;

/**
 * The rules every adapter (the CLI, the Jenkins steps) obeys: it parses input, calls one handler of
 * the application layer and renders the result. It may use the application, the value packages,
 * value types (records, enums, exceptions, sealed result interfaces) and the pure report renderers —
 * never the registry, the engines, the drivers or the wiring behind the handlers.
 */
public final class AdapterRules {

    /** Packages an adapter may use freely: the application layer, values at the bottom, renderers. */
    static final List<String> OPEN_PACKAGES = List.of("io.tenantprovisioning.application",
            "io.tenantprovisioning.model", "io.tenantprovisioning.request", "io.tenantprovisioning.tier",
            "io.tenantprovisioning.config", "io.tenantprovisioning.progress", "io.tenantprovisioning.text",
            "io.tenantprovisioning.report", "io.tenantprovisioning.validation.report");

    private AdapterRules() {
    }

    /** Classes of {@code adapterPackage} depend only on what an adapter may use. */
    public static ArchRule usesOnlyTheApplicationLayerAndValues(String adapterPackage) {
        return classes().that().resideInAPackage(adapterPackage + "..")
                .should().onlyDependOnClassesThat(mayBeUsedFrom(adapterPackage));
    }

    /** The platform's service locator is for tests; an adapter goes through the handlers. */
    public static ArchRule neverReachesBehindTheHandlers(String adapterPackage) {
        return noClasses().that().resideInAPackage(adapterPackage + "..")
                .should().callMethod(TenantPlatform.class, "services");
    }

    private static DescribedPredicate<JavaClass> mayBeUsedFrom(String adapterPackage) {
        return DescribedPredicate.describe("the application layer, value packages, value types or renderers",
                target -> mayUse(adapterPackage, target));
    }

    private static boolean mayUse(String adapterPackage, JavaClass target) {
        JavaClass type = target.getBaseComponentType();
        String pkg = type.getPackageName();
        if (!pkg.startsWith("io.tenantprovisioning") || pkg.startsWith(adapterPackage)) {
            return true;
        }
        if (OPEN_PACKAGES.stream().anyMatch(open -> pkg.equals(open) || pkg.startsWith(open + "."))) {
            return true;
        }
        boolean chargebackRenderer = pkg.equals("io.tenantprovisioning.chargeback")
                && !type.getSimpleName().equals("CostReportBuilder");
        return chargebackRenderer || isValueType(type);
    }

    private static boolean isValueType(JavaClass type) {
        // a sealed interface is a closed set of results (its permitted types are records)
        return type.isEnum() || type.isAssignableTo(Throwable.class) || type.isAssignableTo(Record.class)
                || (type.isInterface() && type.reflect().isSealed())
                || type.getEnclosingClass().map(AdapterRules::isValueType).orElse(false);
    }
}
