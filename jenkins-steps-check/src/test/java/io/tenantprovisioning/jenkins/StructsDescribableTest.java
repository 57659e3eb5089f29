package io.tenantprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Every step argument has a type structs can describe (its DescribableModel and ParameterType, read at
 * jenkinsci/structs-plugin): a String, a primitive or its box, an enum, or a collection of a concrete class
 * that has a {@link DataBoundConstructor} whose arguments are describable in turn. Anything else (a Map) is
 * an ErrorType there, and the Snippet Generator and the Steps Reference fail on the step.
 */
class StructsDescribableTest {

    private static final List<Class<?>> STEPS = List.of(ApproveBudgetStep.class, RecordApprovalStep.class,
            TerraformProvisionStep.class, ValidateTenantStep.class, RollbackTenantStep.class, ActivateTenantStep.class);

    @Test
    void everyStepArgumentIsDescribable() {
        List<String> problems = new ArrayList<>();
        for (Class<?> step : STEPS) {
            problems.addAll(problemsOf(step));
        }
        assertThat(problems).isEmpty();
    }

    /** The check fails on an argument structs cannot describe. */
    @Test
    void aMapArgumentIsNot() {
        assertThat(problemsOf(WithMap.class)).containsExactly("WithMap.setGroups: java.util.Map<java.lang.String, "
                + "java.lang.String> is not describable");
        assertThat(problemsOf(WithNestedMap.class)).hasSize(1);
    }

    static List<String> problemsOf(Class<?> type) {
        List<String> problems = new ArrayList<>();
        for (Constructor<?> c : type.getConstructors()) {
            if (c.isAnnotationPresent(DataBoundConstructor.class)) {
                check(type.getSimpleName() + ".<init>", c.getGenericParameterTypes(), problems);
            }
        }
        for (Method m : type.getMethods()) {
            if (m.isAnnotationPresent(DataBoundSetter.class)) {
                check(type.getSimpleName() + "." + m.getName(), m.getGenericParameterTypes(), problems);
            }
        }
        return problems;
    }

    private static void check(String where, Type[] types, List<String> problems) {
        for (Type t : types) {
            if (!describable(t)) {
                problems.add(where + ": " + t.getTypeName() + " is not describable");
            }
        }
    }

    private static boolean describable(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw)) {
            return describable(p.getActualTypeArguments()[0]);
        }
        if (!(type instanceof Class<?> c)) {
            return false;
        }
        if (c == String.class || c.isPrimitive() || c.isEnum() || Stream.of(Boolean.class, Integer.class, Long.class,
                Double.class).anyMatch(box -> box == c)) {
            return true;
        }
        if (Modifier.isAbstract(c.getModifiers()) || Collection.class.isAssignableFrom(c) || c.isArray()) {
            return false;
        }
        boolean constructible = Arrays.stream(c.getConstructors())
                .anyMatch(k -> k.isAnnotationPresent(DataBoundConstructor.class));
        return constructible && problemsOf(c).isEmpty();
    }

    public static final class WithMap {
        @DataBoundConstructor
        public WithMap() {
        }

        @DataBoundSetter
        public void setGroups(java.util.Map<String, String> groups) {
        }
    }

    public static final class WithNestedMap {
        @DataBoundConstructor
        public WithNestedMap(List<WithMap> entries) {
        }
    }
}
