package io.tenantprovisioning.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.model.SecretVault;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.RunLock;
import io.tenantprovisioning.registry.StateConflictException;
import io.tenantprovisioning.report.HtmlPage;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.redis.RedisNamespaceDriver;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.ThrowawayRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * rotate --all on the real local services, in a registry of the test's own (a fleet rotation rotates every
 * tenant of its registry, and other test runs share the services): only credentials past the age limit are
 * rotated, a tenant another run holds or whose engine owns the credentials is reported and the others still
 * run, and the JUnit XML and HTML say so without a secret.
 */
class FleetRotationTest {

    @TempDir
    Path dataDir;

    private ThrowawayRegistry registry;
    private ActiveTenants tenants;
    private SecretVault vault;

    @BeforeEach
    void open() {
        registry = ThrowawayRegistry.create();
        tenants = new ActiveTenants(dataDir, Map.of(Setting.OBJECT_STORE, "s3",
                Setting.REGISTRY_DB_SCHEMA, registry.schema()));
        vault = tenants.platform.services().vault();
    }

    @AfterEach
    void close() throws Exception {
        try {
            tenants.close();
        } finally {
            registry.close();
        }
    }

    @Test
    void everyTenantPastTheLimitIsRotatedAndOneThatCannotBeDoesNotStopTheOthers() throws Exception {
        Slug old = tenants.provision("fra");
        Slug held = tenants.provision("frb");
        Slug terraform = tenants.provision("frc");
        Slug fresh = tenants.provision("frd");
        for (Slug slug : List.of(old, held, terraform)) {
            age(slug, 100);
        }
        setEngine(terraform, "terraform");
        Map<String, Secret> heldBefore = vault.all(held);
        Map<String, Secret> terraformBefore = vault.all(terraform);
        Map<String, Secret> freshBefore = vault.all(fresh);
        Map<String, Secret> oldBefore = vault.all(old);

        FleetRotation run;
        try (RunLock lock = RunLock.acquire(tenants.platform.services().registry(), held, "another-run")) {
            run = tenants.platform.rotation().rotateDue(Duration.ofDays(90), EnumSet.allOf(CredentialKind.class),
                    "rotator@test", tenants.progress);
        }

        String log = String.join("\n", tenants.log);
        assertThat(run.serving()).isEqualTo(4);
        assertThat(run.tenants()).as(log).extracting(TenantRotation::slug)
                .containsExactly(old.value(), held.value(), terraform.value());
        assertThat(run.allSucceeded()).isFalse();
        TenantRotation.Ran rotated = (TenantRotation.Ran) run.tenants().get(0);
        assertThat(rotated.succeeded()).as(log).isTrue();
        assertThat(rotated.report().outcomes()).hasSize(4).allMatch(o -> o instanceof RotationOutcome.Rotated);
        assertThat(rotated.due()).allMatch(d -> d.age().toDays() == 100);
        assertThat(((TenantRotation.NotRun) run.tenants().get(1)).reason()).contains("another-run");
        assertThat(((TenantRotation.NotRun) run.tenants().get(2)).reason())
                .contains("terraform engine", "db and s3", "nothing was rotated");
        // on the services and in the vault: the old tenant's credentials changed and log in; nothing else moved
        assertThat(vault.all(old)).allSatisfy((name, secret) -> {
            if (CredentialKind.ofVaultName(name).isPresent()) {
                assertThat(secret).as(name).isNotEqualTo(oldBefore.get(name));
            }
        });
        assertThat(redisLogin(old).accepted()).isTrue();
        assertThat(vault.all(held)).isEqualTo(heldBefore);
        assertThat(vault.all(terraform)).isEqualTo(terraformBefore);
        assertThat(vault.all(fresh)).isEqualTo(freshBefore);
        assertThat(redisLogin(held).accepted()).isTrue();
        assertThat(redisLogin(terraform).accepted()).isTrue();
        assertThat(ages(held)).allMatch(days -> days == 100);
        // progress: each tenant with its position and the elapsed time
        assertThat(log).contains("rotate-all: 3 of 4 serving tenant(s) hold credentials older than 90 days",
                "[1/3] " + old + ": rotating db (100 d)", "[2/3] " + held + ": not rotated", "s elapsed");

        assertReports(run, oldBefore);

        // the lock is gone: the held tenant is rotated now; only the terraform one is left, and it can rotate
        // the two credentials tenantctl owns
        FleetRotation second = tenants.platform.rotation().rotateDue(Duration.ofDays(90),
                EnumSet.allOf(CredentialKind.class), "rotator@test", tenants.progress);
        assertThat(second.tenants()).extracting(TenantRotation::slug).containsExactly(held.value(), terraform.value());
        assertThat(second.tenants().get(0).succeeded()).isTrue();
        FleetRotation owned = tenants.platform.rotation().rotateDue(Duration.ofDays(90),
                EnumSet.of(CredentialKind.REDIS, CredentialKind.JWT), "rotator@test", tenants.progress);
        assertThat(owned.allSucceeded()).as(String.join("\n", tenants.log)).isTrue();
        assertThat(owned.tenants()).extracting(TenantRotation::slug).containsExactly(terraform.value());
        assertThat(((TenantRotation.Ran) owned.tenants().get(0)).report().outcomes())
                .extracting(RotationOutcome::kind).containsExactly(CredentialKind.REDIS, CredentialKind.JWT);
        assertThat(redisLogin(terraform).accepted()).isTrue();
        setEngine(terraform, "direct");
    }

    @Test
    void withParallelismTheDueTenantsRotateSideBySideInTheirOrder() throws Exception {
        List<Slug> due = List.of(tenants.provision("fpa"), tenants.provision("fpb"), tenants.provision("fpc"),
                tenants.provision("fpd"));
        for (Slug slug : due) {
            age(slug, 100);
        }
        Map<Slug, Map<String, Secret>> before = new java.util.HashMap<>();
        for (Slug slug : due) {
            before.put(slug, vault.all(slug));
        }

        FleetRotation run = tenants.platform.rotation().rotateDue(Duration.ofDays(90),
                EnumSet.of(CredentialKind.REDIS, CredentialKind.JWT), 4, "rotator@test", tenants.progress);

        String log = String.join("\n", tenants.log);
        assertThat(run.tenants()).as(log).extracting(TenantRotation::slug)
                .containsExactlyElementsOf(due.stream().map(Slug::value).toList());
        assertThat(run.allSucceeded()).as(log).isTrue();
        for (Slug slug : due) {
            assertThat(vault.get(slug, RedisNamespaceDriver.SECRET_PASSWORD)).as(slug.value())
                    .isNotEqualTo(java.util.Optional.ofNullable(before.get(slug).get(RedisNamespaceDriver.SECRET_PASSWORD)));
            assertThat(redisLogin(slug).accepted()).isTrue();
        }
        // four workers: every tenant has started before the first one is done
        assertThat(log.indexOf("[4/4] " + due.get(3) + ": rotating")).as(log).isPositive()
                .isLessThan(log.indexOf(": done"));
        assertThatThrownBy(() -> tenants.platform.rotation().rotateDue(Duration.ofDays(90),
                EnumSet.allOf(CredentialKind.class), 0, "t", tenants.progress))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parallelism must be 1-64");
    }

    @Test
    void aTerraformTenantIsRefusedBeforeAnythingChangesWhenDbOrS3IsAskedFor() throws Exception {
        Slug slug = tenants.provision("frt");
        setEngine(slug, "terraform");
        try {
            Map<String, Secret> before = vault.all(slug);
            assertThatThrownBy(() -> tenants.platform.rotation().rotate(slug, EnumSet.allOf(CredentialKind.class),
                    "t", ProgressListener.silent())).isInstanceOf(StateConflictException.class)
                    .hasMessageContaining("terraform engine").hasMessageContaining("--only redis,jwt");
            assertThatThrownBy(() -> tenants.platform.rotation().rotate(slug, Set.of(CredentialKind.S3),
                    "t", ProgressListener.silent())).hasMessageContaining("its s3 credential");
            assertThat(vault.all(slug)).as("not half-rotated").isEqualTo(before);
            assertThat(tenants.platform.ledger().audit(slug)).noneMatch(r -> r.action().startsWith("credential-"));
        } finally {
            setEngine(slug, "direct");
        }
    }

    @Test
    void nothingDueRotatesNothingAndANegativeLimitIsRefused() {
        Slug slug = tenants.provision("frn");
        Map<String, Secret> before = vault.all(slug);
        FleetRotation run = tenants.platform.rotation().rotateDue(Duration.ofDays(90),
                EnumSet.allOf(CredentialKind.class), "t", tenants.progress);
        assertThat(run.tenants()).isEmpty();
        assertThat(run.allSucceeded()).isTrue();
        assertThat(vault.all(slug)).isEqualTo(before);
        assertThat(HtmlPage.render(RotationReports.page(run))).contains("No credential was due");
        assertThatThrownBy(() -> tenants.platform.rotation().rotateDue(Duration.ofDays(-1),
                EnumSet.allOf(CredentialKind.class), "t", tenants.progress))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }

    private void assertReports(FleetRotation run, Map<String, Secret> oldSecrets) throws Exception {
        String xml = RotationReports.junit(run);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(3);
        Element first = (Element) suites.item(0);
        assertThat(first.getAttribute("tests")).isEqualTo("4");
        assertThat(first.getAttribute("failures")).isEqualTo("0");
        assertThat(((Element) suites.item(1)).getAttribute("failures")).isEqualTo("1");
        assertThat(((Element) suites.item(2)).getElementsByTagName("failure").item(0).getTextContent())
                .contains("terraform engine");
        String html = HtmlPage.render(RotationReports.page(run));
        assertThat(html).contains("verdict FAILED", "1 of 3 tenant(s) rotated", "ROTATED", "NOT RUN",
                "Credentials older than 90 days");
        String reports = xml + html;
        for (Slug slug : run.tenants().stream().map(t -> Slug.of(t.slug())).toList()) {
            vault.all(slug).values().forEach(secret -> assertThat(reports).doesNotContain(secret.reveal()));
        }
        oldSecrets.values().forEach(secret -> assertThat(reports).doesNotContain(secret.reveal()));
    }

    private io.tenantprovisioning.resource.credential.CredentialProbe redisLogin(Slug slug) throws Exception {
        return RedisNamespaceDriver.fromSettings(tenants.platform.settings(), TestServices.MARKER).passwords()
                .login(slug, vault.get(slug, RedisNamespaceDriver.SECRET_PASSWORD).orElseThrow());
    }

    private List<Long> ages(Slug slug) {
        return CredentialAge.inUse(tenants.platform.ledger().details(slug).credentials()).stream()
                .map(a -> a.age().toDays()).toList();
    }

    /** Only the vault's timestamps move back, as if the tenant had been provisioned then. */
    private void age(Slug slug, int days) throws Exception {
        try (Connection admin = registry.adminConnection();
             PreparedStatement ps = admin.prepareStatement("UPDATE tenant_secrets SET updated_at = updated_at - "
                     + "make_interval(days => ?) WHERE slug = ?")) {
            ps.setInt(1, days);
            ps.setString(2, slug.value());
            assertThat(ps.executeUpdate()).isGreaterThanOrEqualTo(4);
        }
    }

    /** What the registry records as the tenant's engine (the tenant itself was built by the direct engine). */
    private void setEngine(Slug slug, String engine) throws Exception {
        try (Connection admin = registry.adminConnection();
             PreparedStatement ps = admin.prepareStatement("UPDATE tenants SET engine = ? WHERE slug = ? "
                     + "AND state IN ('ACTIVE', 'DEGRADED')")) {
            ps.setString(1, engine);
            ps.setString(2, slug.value());
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }
}
