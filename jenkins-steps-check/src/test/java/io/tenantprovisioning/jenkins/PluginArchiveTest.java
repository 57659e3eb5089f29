package io.tenantprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.ElementType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin archive the build assembles (target/tenant-provisioning.hpi, in maven-hpi-plugin's
 * layout) as Jenkins' plugin manager would look at it: the manifest, the classes jar with the
 * extension index read by SezPoz's own reader (as Jenkins' ExtensionFinder does), the symbol index,
 * the config and help files, and WEB-INF/lib holding the engine's libraries but no Jenkins classes.
 * No Jenkins loaded it: that needs the Jenkins repository (see docs/jenkins.md).
 */
class PluginArchiveTest {

    private static final String CLASSES_JAR = "WEB-INF/lib/tenant-provisioning.jar";
    private static final List<String> STEPS = List.of("ActivateTenantStep", "ApproveBudgetStep",
            "RecordApprovalStep", "RollbackTenantStep", "TerraformProvisionStep", "ValidateTenantStep",
            "RequestTenantChangeStep", "ApplyTenantChangeStep");
    private static final String STEP_PACKAGE = "io.tenantprovisioning.jenkins.";

    private static Path hpi;

    @TempDir
    static Path temp;

    @BeforeAll
    static void locate() {
        // only the package-phase run (which sets the property) has an archive to look at; a -Dtest run
        // in the test phase, before the archive exists, is skipped and runs again in the package phase
        String built = System.getProperty("tenantctl.hpi");
        Assumptions.assumeTrue(built != null, "the plugin archive is built in the package phase");
        hpi = Path.of(built);
        assertThat(hpi).as("the archive, built in the package phase").isRegularFile();
    }

    @Test
    void theManifestSaysWhatJenkinsReadsFromIt() throws Exception {
        try (JarFile archive = new JarFile(hpi.toFile())) {
            Attributes main = archive.getManifest().getMainAttributes();
            String jenkins = jenkinsBaselineOfThePluginPom() + ".3";
            assertThat(main.getValue("Short-Name")).isEqualTo("tenant-provisioning");
            assertThat(main.getValue("Long-Name")).isEqualTo("Tenant Provisioning steps");
            assertThat(main.getValue("Plugin-Version")).isEqualTo(System.getProperty("tenantctl.hpi.version"));
            assertThat(main.getValue("Jenkins-Version")).isEqualTo(jenkins);
            assertThat(main.getValue("Hudson-Version")).isEqualTo(jenkins);
            assertThat(main.getValue("PluginFirstClassLoader")).isEqualTo("true");
            assertThat(main.getValue("Plugin-Dependencies"))
                    .matches("workflow-step-api:\\d+\\.v[0-9a-f_]+,pipeline-input-step:\\d+\\.v[0-9a-f_]+");
            assertThat(main.getValue("Group-Id")).isEqualTo("io.tenantprovisioning");
        }
    }

    @Test
    void theExtensionIndexListsEveryStepDescriptor() throws Exception {
        try (URLClassLoader classes = new URLClassLoader(new URL[] {classesJar().toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            List<String> extensions = new ArrayList<>();
            for (IndexItem<Extension, Object> item : Index.load(Extension.class, Object.class, classes)) {
                assertThat(item.kind()).isEqualTo(ElementType.TYPE);
                extensions.add(item.className());
            }
            assertThat(extensions).containsExactlyInAnyOrderElementsOf(descriptors());
        }
    }

    @Test
    void theSymbolIndexConfigAndHelpFilesAreInTheClassesJar() throws Exception {
        try (JarFile jar = new JarFile(classesJar().toFile())) {
            assertThat(read(jar, "META-INF/services/annotations/org.jenkinsci.Symbol").lines().toList())
                    .containsExactlyInAnyOrderElementsOf(descriptors());
            assertThat(jar.getEntry("index.jelly")).as("the plugin's description").isNotNull();
            for (String step : STEPS) {
                String folder = STEP_PACKAGE.replace('.', '/') + step + "/";
                assertThat(jar.getEntry(folder + "config.jelly")).as(folder + "config.jelly").isNotNull();
                assertThat(jar.getEntry(folder + "help.html")).as(folder + "help.html").isNotNull();
                assertThat(jar.getEntry(folder.replace("/" + step + "/", "/") + step + "$DescriptorImpl.class"))
                        .isNotNull();
            }
        }
    }

    @Test
    void webInfLibHoldsTheEngineAndItsLibrariesButNoJenkinsClasses() throws Exception {
        Map<String, Long> libs = libraries();
        assertThat(libs.keySet()).anyMatch(n -> n.startsWith("tenant-provisioning-core-"))
                .anyMatch(n -> n.startsWith("flyway-core-")).anyMatch(n -> n.startsWith("postgresql-"))
                .anyMatch(n -> n.startsWith("HikariCP-")).anyMatch(n -> n.startsWith("jackson-databind-"))
                .noneMatch(n -> n.contains("jenkins-api-stubs")).noneMatch(n -> n.startsWith("sezpoz-"))
                .noneMatch(n -> n.startsWith("guava-")).noneMatch(n -> n.startsWith("slf4j-api-"))
                .noneMatch(n -> n.startsWith("spring-security-core-"))
                .noneMatch(n -> n.contains("junit") || n.contains("assertj") || n.contains("archunit"));
        try (JarFile archive = new JarFile(hpi.toFile())) {
            for (String lib : libs.keySet()) {
                Path copy = extract(archive, "WEB-INF/lib/" + lib);
                try (JarFile jar = new JarFile(copy.toFile())) {
                    assertThat(jar.stream().map(ZipEntry::getName))
                            .as(lib + " must not carry Jenkins' own classes")
                            .noneMatch(n -> n.startsWith("hudson/") || n.startsWith("jenkins/")
                                    || n.startsWith("org/jenkinsci/plugins/workflow/") || n.startsWith("org/kohsuke/"));
                }
                Files.delete(copy);
            }
        }
        printSizes(libs);
        // ~160 MB today, most of it the in-process embedder validateTenant needs (ONNX runtime with every
        // platform's natives, the model, the tokenizer); a ceiling so that growth is a decision
        assertThat(Files.size(hpi)).isLessThan(200L << 20);
    }

    /** The size is the plugin's cost: the ONNX runtime (every platform's natives) is most of it. */
    private static void printSizes(Map<String, Long> libs) throws IOException {
        System.out.printf("%s: %d MB, %d libraries; largest:%n", hpi.getFileName(), Files.size(hpi) >> 20, libs.size());
        libs.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(5)
                .forEach(e -> System.out.printf("  %6d KB  %s%n", e.getValue() >> 10, e.getKey()));
    }

    /** Every step's descriptor and the plugin's global configuration (where the controller's settings live). */
    private static List<String> descriptors() {
        List<String> extensions = new ArrayList<>(STEPS.stream().map(s -> STEP_PACKAGE + s + "$DescriptorImpl").toList());
        extensions.add(STEP_PACKAGE + "TenantProvisioningConfiguration");
        return extensions;
    }

    private static Map<String, Long> libraries() throws IOException {
        Map<String, Long> libs = new TreeMap<>();
        try (JarFile archive = new JarFile(hpi.toFile())) {
            archive.stream().filter(e -> e.getName().startsWith("WEB-INF/lib/") && e.getName().endsWith(".jar"))
                    .forEach(e -> libs.put(e.getName().substring("WEB-INF/lib/".length()), e.getSize()));
        }
        assertThat(libs).containsKey("tenant-provisioning.jar");
        return libs;
    }

    private static Path classesJar() throws IOException {
        try (JarFile archive = new JarFile(hpi.toFile())) {
            return extract(archive, CLASSES_JAR);
        }
    }

    private static Path extract(JarFile archive, String name) throws IOException {
        ZipEntry entry = archive.getEntry(name);
        assertThat(entry).as(name).isNotNull();
        Path target = Files.createTempFile(temp, "lib", ".jar");
        try (InputStream in = archive.getInputStream(entry)) {
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static String read(JarFile jar, String name) throws IOException {
        ZipEntry entry = jar.getEntry(name);
        assertThat(entry).as(name).isNotNull();
        try (InputStream in = jar.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** jenkins-plugin/pom.xml (the real plugin build) is the one place the baseline is chosen. */
    private static String jenkinsBaselineOfThePluginPom() throws IOException {
        Path pom = Path.of(System.getProperty("tenantctl.repo.root", "..")).resolve("jenkins-plugin/pom.xml");
        Matcher m = Pattern.compile("<jenkins\\.baseline>([^<]+)</jenkins\\.baseline>").matcher(Files.readString(pom));
        assertThat(m.find()).as("jenkins.baseline in " + pom).isTrue();
        return m.group(1);
    }
}
