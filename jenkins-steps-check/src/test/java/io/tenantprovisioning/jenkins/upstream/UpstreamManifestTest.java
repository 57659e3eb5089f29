package io.tenantprovisioning.jenkins.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the hand-written Jenkins API copies, and what the plugin's class files use of them, to
 * {@code jenkins-api-stubs/UPSTREAM.txt}, the record of the upstream declarations they stand for (read
 * from the upstream sources at the tags it names). A copy that drifts from that record, a copy with no
 * record, or a plugin class that uses a Jenkins member the record does not list fails here.
 */
class UpstreamManifestTest {

    private static final String PLUGIN = "io.tenantprovisioning.jenkins";
    private static final List<String> JENKINS_PACKAGES = List.of("hudson.", "jenkins.", "org.jenkinsci.",
            "org.jenkins.", "org.kohsuke.", "org.jvnet.", "com.cloudbees.plugins.credentials.");

    private static UpstreamManifest manifest;
    private static JavaClasses plugin;

    @BeforeAll
    static void read() throws Exception {
        Path root = Path.of(System.getProperty("tenantctl.repo.root", ".."));
        manifest = UpstreamManifest.read(root.resolve("jenkins-api-stubs/UPSTREAM.txt"));
        plugin = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(PLUGIN);
    }

    @Test
    void everyTypeNamesTheTagAndFileItWasReadFrom() {
        assertThat(manifest.types()).isNotEmpty();
        manifest.types().forEach((name, entry) -> {
            assertThat(manifest.sources()).as(name + ": source").containsKey(entry.source());
            assertThat(entry.path()).as(name + ": file").endsWith(".java");
        });
        assertThat(manifest.sources().values()).allMatch(s -> s.matches("jenkinsci/[\\w.-]+@\\S+"));
    }

    @Test
    void everyCopyIsRecordedAndDeclaresExactlyWhatTheRecordSays() throws Exception {
        List<String> drift = new ArrayList<>();
        for (String name : CopiedTypes.names()) {
            Class<?> copy = Class.forName(name, false, getClass().getClassLoader());
            if (!Modifier.isPublic(copy.getModifiers())) {
                continue; // a copy's private helpers (FilePath's callables) stand for nothing upstream
            }
            UpstreamManifest.Entry entry = manifest.types().get(name);
            Declaration actual = Declaration.of(copy);
            if (entry == null) {
                drift.add("no record of " + name + ":\n" + render(actual));
            } else if (!entry.declaration().equals(actual)) {
                drift.add(name + " differs from its record (" + entry.path() + "):\n  copy:\n" + render(actual)
                        + "  record:\n" + render(entry.declaration()));
            }
        }
        assertThat(drift).as(String.join("\n", drift)).isEmpty();
    }

    @Test
    void everyRecordedTypeHasACopy() throws Exception {
        assertThat(CopiedTypes.names()).containsAll(manifest.types().keySet());
    }

    @Test
    void everyJenkinsTypeThePluginDependsOnIsRecorded() {
        TreeSet<String> unrecorded = new TreeSet<>();
        for (JavaClass c : plugin) {
            c.getDirectDependenciesFromSelf().stream().map(d -> d.getTargetClass().getBaseComponentType())
                    .map(JavaClass::getName).filter(UpstreamManifestTest::isJenkins)
                    .filter(n -> !manifest.types().containsKey(n)).forEach(unrecorded::add);
        }
        assertThat(unrecorded).isEmpty();
    }

    @Test
    void everyJenkinsMemberThePluginCallsIsRecordedOnTheTypeThatDeclaresIt() {
        TreeSet<String> unrecorded = new TreeSet<>();
        for (JavaClass c : plugin) {
            for (JavaAccess<?> access : c.getAccessesFromSelf()) {
                AccessTarget target = access.getTarget();
                Optional<? extends JavaMember> resolved = target.resolveMember();
                String owner = resolved.map(m -> m.getOwner().getName()).orElse(target.getOwner().getName());
                if (!isJenkins(owner)) {
                    continue;
                }
                String signature = resolved.map(m -> Declaration.signature((Member) m.reflect()))
                        .orElse("unresolved " + target.getFullName());
                UpstreamManifest.Entry entry = manifest.types().get(owner);
                if (entry == null || !entry.declaration().members().contains(signature)) {
                    unrecorded.add(owner + ": " + signature + " (from " + c.getSimpleName() + ")");
                }
            }
        }
        assertThat(unrecorded).isEmpty();
    }

    private static boolean isJenkins(String className) {
        return JENKINS_PACKAGES.stream().anyMatch(className::startsWith);
    }

    /** The manifest's own words, so a drift can be fixed by reading upstream and copying the right line. */
    private static String render(Declaration d) {
        StringBuilder out = new StringBuilder("type " + d.name() + "\n  declared " + d.declared() + "\n");
        d.supertypes().forEach(s -> out.append("  supertype ").append(s).append('\n'));
        d.annotations().forEach(a -> out.append("  annotation ").append(a).append('\n'));
        d.members().forEach(m -> out.append("  member ").append(m).append('\n'));
        return out.toString();
    }
}
