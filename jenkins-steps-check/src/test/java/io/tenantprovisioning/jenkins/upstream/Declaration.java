package io.tenantprovisioning.jenkins.upstream;

import java.lang.annotation.Annotation;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A type's declaration in the words of {@code jenkins-api-stubs/UPSTREAM.txt}: the header line, its
 * supertypes, its annotations, and its public and protected members, each as reflection spells it
 * (without the declaring class's name). Computed from a loaded class, compared with the manifest.
 */
record Declaration(String name, String declared, List<String> supertypes, List<String> annotations,
                   Set<String> members) {

    static Declaration of(Class<?> type) {
        return new Declaration(type.getName(), type.toGenericString(), supertypes(type), annotations(type),
                members(type));
    }

    private static List<String> supertypes(Class<?> type) {
        List<String> names = new ArrayList<>();
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && superclass != Object.class && !type.isEnum()) {
            names.add(superclass.getTypeName());
        }
        for (Type i : type.getGenericInterfaces()) {
            if (!(type.isAnnotation() && i == Annotation.class)) {
                names.add(i.getTypeName());
            }
        }
        return names;
    }

    private static List<String> annotations(Class<?> type) {
        return Arrays.stream(type.getDeclaredAnnotations()).map(Declaration::annotation).sorted().toList();
    }

    private static String annotation(Annotation a) {
        if (a instanceof Retention r) {
            return Retention.class.getName() + "(" + r.value() + ")";
        }
        if (a instanceof Target t) {
            return Target.class.getName() + "(" + Arrays.stream(t.value()).map(Enum::name)
                    .collect(Collectors.joining(", ")) + ")";
        }
        return a.annotationType().getName();
    }

    private static Set<String> members(Class<?> type) {
        Set<String> members = new TreeSet<>();
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (visible(c) && !type.isEnum()) {
                members.add(signature(c));
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (visible(m) && !m.isSynthetic() && !m.isBridge() && !enumImplicit(type, m)) {
                members.add(signature(m));
            }
        }
        for (Field f : type.getDeclaredFields()) {
            if (visible(f) && !f.isSynthetic()) {
                members.add(signature(f));
            }
        }
        return members;
    }

    /** One member as the manifest spells it. */
    static String signature(Member member) {
        String owner = member.getDeclaringClass().getName();
        if (member instanceof Constructor<?> c) {
            return c.toGenericString().replace(owner, member.getDeclaringClass().getSimpleName());
        }
        String text = member instanceof Method m ? m.toGenericString() : ((Field) member).toGenericString();
        text = text.replace(owner + ".", "");
        if (member instanceof Method m && m.getDefaultValue() != null) {
            text += " default " + defaultValue(m.getDefaultValue());
        }
        return text;
    }

    private static String defaultValue(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return String.valueOf(value);
    }

    private static boolean visible(Member member) {
        int modifiers = member.getModifiers();
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static boolean enumImplicit(Class<?> type, Executable m) {
        return type.isEnum() && (m.getName().equals("values") || m.getName().equals("valueOf"));
    }
}
