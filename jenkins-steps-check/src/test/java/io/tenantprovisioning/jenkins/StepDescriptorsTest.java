package io.tenantprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.TaskListener;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What Jenkins discovers by annotation and convention, checked without Jenkins: the registered
 * function names, the required context, a public getter for every argument, and a help file for the
 * step and each of its arguments.
 */
class StepDescriptorsTest {

    static Stream<Object[]> steps() {
        Set<Class<?>> plain = Set.of(TaskListener.class, EnvVars.class);
        return Stream.of(
                new Object[] {ApproveBudgetStep.class, "approveBudget", plain},
                new Object[] {RecordApprovalStep.class, "recordApproval", plain},
                new Object[] {TerraformProvisionStep.class, "terraformProvision", plain},
                new Object[] {ValidateTenantStep.class, "validateTenant",
                        Set.of(TaskListener.class, EnvVars.class, FilePath.class)},
                new Object[] {RollbackTenantStep.class, "rollbackTenant", plain},
                new Object[] {ActivateTenantStep.class, "activateTenant", plain},
                new Object[] {RequestTenantChangeStep.class, "requestTenantChange", plain},
                new Object[] {ApplyTenantChangeStep.class, "applyTenantChange",
                        Set.of(TaskListener.class, EnvVars.class, FilePath.class)});
    }

    @ParameterizedTest
    @MethodSource("steps")
    void theDescriptorIsAnExtensionWithTheFunctionNameAndContext(Class<?> step, String function, Set<Class<?>> context)
            throws Exception {
        Class<?> descriptorClass = Class.forName(step.getName() + "$DescriptorImpl");
        StepDescriptor descriptor = (StepDescriptor) descriptorClass.getConstructor().newInstance();

        assertThat(descriptorClass.getAnnotation(Extension.class)).isNotNull();
        assertThat(Modifier.isStatic(descriptorClass.getModifiers()) && Modifier.isPublic(descriptorClass.getModifiers()))
                .isTrue();
        assertThat(descriptorClass.getAnnotation(Symbol.class).value()).containsExactly(function);
        assertThat(descriptor.getFunctionName()).isEqualTo(function).matches("[a-z][A-Za-z0-9_]*");
        assertThat(descriptor.getDisplayName()).isNotBlank();
        assertThat(Set.<Class<?>>copyOf(descriptor.getRequiredContext())).isEqualTo(context);
    }

    @ParameterizedTest
    @MethodSource("steps")
    void everyArgumentHasAPublicGetterAndAHelpFile(Class<?> step, String function, Set<Class<?>> context) {
        List<String> arguments = arguments(step);
        assertThat(arguments).isNotEmpty();
        String folder = step.getName().replace('.', '/') + "/";
        assertThat(step.getClassLoader().getResource(folder + "help.html")).as(folder + "help.html").isNotNull();
        for (String argument : arguments) {
            String capitalized = argument.substring(0, 1).toUpperCase(Locale.ROOT) + argument.substring(1);
            assertThat(Stream.of(step.getMethods()).map(Method::getName))
                    .as("getter of " + argument).containsAnyOf("get" + capitalized, "is" + capitalized);
            assertThat(step.getClassLoader().getResource(folder + "help-" + argument + ".html"))
                    .as(folder + "help-" + argument + ".html").isNotNull();
        }
    }

    /** The documented constructor arguments plus every @DataBoundSetter property. */
    private static List<String> arguments(Class<?> step) {
        List<String> names = new ArrayList<>();
        Constructor<?> constructor = Stream.of(step.getConstructors())
                .filter(c -> c.isAnnotationPresent(DataBoundConstructor.class)).findFirst().orElseThrow();
        names.addAll(CONSTRUCTOR_ARGUMENTS.get(step.getSimpleName()));
        assertThat(constructor.getParameterCount()).isEqualTo(names.size());
        for (Method m : step.getMethods()) {
            if (m.isAnnotationPresent(DataBoundSetter.class)) {
                names.add(m.getName().substring(3, 4).toLowerCase(Locale.ROOT) + m.getName().substring(4));
            }
        }
        return names;
    }

    /** The documented mandatory arguments, in constructor order (Jenkins reads the names from the bytecode). */
    private static final Map<String, List<String>> CONSTRUCTOR_ARGUMENTS = Map.of(
            "ApproveBudgetStep", List.of("tenantName", "tier", "region", "budget", "ownerEmail"),
            "RecordApprovalStep", List.of("requestId", "group", "approver", "decision"),
            "TerraformProvisionStep", List.of("requestId"),
            "ValidateTenantStep", List.of("tenant"),
            "RollbackTenantStep", List.of("tenant"),
            "ActivateTenantStep", List.of("tenant"),
            "RequestTenantChangeStep", List.of("tenant"),
            "ApplyTenantChangeStep", List.of("tenant"));
}
