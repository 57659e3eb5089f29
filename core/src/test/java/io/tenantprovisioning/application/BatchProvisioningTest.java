package io.tenantprovisioning.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.request.RequestFile;
import io.tenantprovisioning.request.RequestRow;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** provision --from on the real local services: rows checked first, run in parallel, re-runs replayed. */
class BatchProvisioningTest {

    @TempDir
    Path dir;

    private ActiveTenants tenants;

    @BeforeEach
    void open() {
        tenants = new ActiveTenants(dir.resolve("data"));
    }

    @AfterEach
    void close() {
        tenants.close();
    }

    @Test
    void invalidRowsAreAllListedWithTheirLinesAndNothingStarts() throws Exception {
        Slug ok = TestServices.uniqueSlug("bat");
        Slug other = TestServices.uniqueSlug("bat");
        Path file = Files.writeString(dir.resolve("tenants.csv"), "name,tier,region,budget,email\n"
                + ok + ",bronze,us-east-1,500000,owner@acme.example\n"
                + other + ",platinum,us-east-1,500000,owner@acme.example\n"
                + "x,bronze,mars-1,-5,not-an-email\n"
                + ok + ",silver,us-east-1,500000,owner@acme.example\n");

        assertThatThrownBy(() -> batch(file, 2, false)).isInstanceOfSatisfying(InvalidRequestFileException.class, e -> {
            assertThat(e.problems()).anyMatch(p -> p.startsWith("line 3: tier: 'platinum'"))
                    .anyMatch(p -> p.startsWith("line 4: name:")).anyMatch(p -> p.startsWith("line 4: region"))
                    .anyMatch(p -> p.startsWith("line 5: tenant '" + ok + "' is already requested on line 2"))
                    .noneMatch(p -> p.startsWith("line 2"));
        });
        assertThat(tenants.platform.ledger().find(ok)).isEmpty();
        assertThat(tenants.platform.ledger().find(other)).isEmpty();
    }

    @Test
    void aRowThatFailsRollsBackWhileTheOthersGoActiveOneWaitsAndARerunReplays() throws Exception {
        List<Slug> slugs = List.of(TestServices.uniqueSlug("bat"), TestServices.uniqueSlug("bat"),
                TestServices.uniqueSlug("bat"));
        Slug waiting = TestServices.uniqueSlug("bat");
        slugs.forEach(tenants::track);
        Path file = dir.resolve("tenants.yaml");
        Files.writeString(file, yamlRow(slugs.get(0), "500000") + yamlRow(slugs.get(1), "500000")
                + yamlRow(waiting, "2000000") + yamlRow(slugs.get(2), "500000"));
        // the first Redis user created in this run fails (whichever row gets there first): one row, not all
        BatchReport first;
        try (TenantPlatform faulty = TenantPlatform.open(tenants.platform.settings().with(
                Map.of(Setting.TENANTCTL_FAULTS, "driver-create:redis=fail-times:1")), tenants.progress)) {
            first = faulty.batch().run(file.toString(), RequestFile.read(file), 2, false, Actor.stated("batch-test"),
                    EngineKind.DIRECT, tenants.progress);
        }

        String log = String.join("\n", tenants.log);
        assertThat(first.rows()).extracting(BatchRowResult::line).containsExactly(1, 6, 11, 16);
        assertThat(first.rows()).as(log).filteredOn(r -> r.state().equals("ROLLED_BACK")).hasSize(1)
                .allMatch(r -> r.severity() == BatchSeverity.FAILED && r.notes().get(0).contains("redis"));
        assertThat(first.rows()).filteredOn(r -> r.state().equals("ACTIVE")).hasSize(2)
                .allMatch(r -> r.checks().equals("8/8") && r.monthlyCostInr() > 0);
        assertThat(first.rows().get(2)).satisfies(r -> {
            assertThat(r.slug()).isEqualTo(waiting.value());
            assertThat(r.state()).isEqualTo("PENDING_APPROVAL");
        });
        assertThat(first.worst()).isEqualTo(BatchSeverity.FAILED);
        BatchRowResult failed = first.rows().stream().filter(r -> r.state().equals("ROLLED_BACK")).findFirst()
                .orElseThrow();
        assertThat(tenants.platform.lookOnServices(Slug.of(failed.slug()))).isEmpty();

        // the same file again, one row added: the four replay their first outcome, the new one runs
        Slug added = TestServices.uniqueSlug("bat");
        tenants.track(added);
        Files.writeString(file, Files.readString(file) + yamlRow(added, "500000"));
        BatchReport second = tenants.platform.batch().run(file.toString(), RequestFile.read(file), 2, false,
                Actor.stated("batch-test"), EngineKind.DIRECT, tenants.progress);

        assertThat(second.rows()).hasSize(5);
        for (int i = 0; i < 4; i++) {
            assertThat(second.rows().get(i).replayed()).as("row " + i).isTrue();
            assertThat(second.rows().get(i).state()).isEqualTo(first.rows().get(i).state());
        }
        assertThat(second.rows().get(4)).satisfies(r -> {
            assertThat(r.replayed()).isFalse();
            assertThat(r.state()).isEqualTo("ACTIVE");
        });
    }

    private BatchReport batch(Path file, int parallel, boolean skipInvalid) {
        List<RequestRow> rows = RequestFile.read(file);
        return tenants.platform.batch().run(file.toString(), rows, parallel, skipInvalid, Actor.stated("batch-test"),
                EngineKind.DIRECT, ProgressListener.silent());
    }

    private static String yamlRow(Slug slug, String budget) {
        return "- name: " + slug + "\n  tier: bronze\n  region: us-east-1\n  budget: " + budget
                + "\n  email: owner@acme.example\n";
    }
}
