package io.tenantprovisioning.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.ThrowawayRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegistryDatabaseTest {

    @Test
    void migratesAnEmptySchemaAndTheApplicationRunsAsTheAppRole() throws Exception {
        try (ThrowawayRegistry throwaway = ThrowawayRegistry.create()) {
            try (Connection admin = throwaway.adminConnection(); Statement st = admin.createStatement()) {
                assertThat(strings(st, "SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                        + throwaway.schema() + "' ORDER BY 1")).containsExactly("approvals", "audit_log",
                        "flyway_schema_history", "provisioning_requests", "registry_identity", "request_plans", "resource_journal", "run_holders",
                        "tenant_config_versions", "tenant_secrets", "tenants", "validation_runs");
                assertThat(strings(st, "SELECT version || ':' || success FROM flyway_schema_history "
                        + "WHERE version IS NOT NULL ORDER BY installed_rank"))
                        .containsExactly("1:true", "2:true", "3:true", "4:true", "6:true", "7:true");
                assertThat(strings(st, "SELECT rolcanlogin::text FROM pg_roles WHERE rolname = 'tenantctl_app'"))
                        .containsExactly("false");
            }
            try (Connection app = throwaway.registry().database().dataSource().getConnection();
                 Statement st = app.createStatement()) {
                assertThat(strings(st, "SELECT current_user")).containsExactly(RegistryDatabase.APP_ROLE);
                assertThat(strings(st, "SELECT current_schema()")).containsExactly(throwaway.schema());
            }
        }
    }

    @Test
    void migratingAgainChangesNothing() throws Exception {
        try (ThrowawayRegistry throwaway = ThrowawayRegistry.create();
             RegistryDatabase again = RegistryDatabase.open(throwaway.settings(), throwaway.schema());
             Connection admin = throwaway.adminConnection(); Statement st = admin.createStatement()) {
            assertThat(again.schema()).isEqualTo(throwaway.schema());
            assertThat(strings(st, "SELECT count(*)::text FROM flyway_schema_history WHERE version IS NOT NULL"))
                    .containsExactly("6");
        }
    }

    @Test
    void eachRegistryHasAnIdentityOfItsOwnThatMigratingAgainKeeps() throws Exception {
        try (ThrowawayRegistry one = ThrowawayRegistry.create(); ThrowawayRegistry two = ThrowawayRegistry.create();
             RegistryDatabase again = RegistryDatabase.open(one.settings(), one.schema());
             Registry reopened = new Registry(again, java.util.Optional.empty())) {
            assertThat(one.registry().identity().read()).isNotEqualTo(two.registry().identity().read());
            assertThat(reopened.identity().read()).isEqualTo(one.registry().identity().read());
        }
    }

    @Test
    void theSharedRegistryMigratesIdempotently() {
        try (Registry registry = Registry.open(TestServices.settings())) {
            assertThat(registry.database().schema())
                    .isEqualTo(TestServices.settings().string(Setting.REGISTRY_DB_SCHEMA));
            assertThat(registry.tenants().list(java.util.Optional.of("NO_SUCH_STATE"))).isEmpty();
        }
    }

    @Test
    void aWrongPasswordFailsWithoutPrintingIt() {
        String wrong = "not-the-password-" + System.nanoTime();
        var settings = TestServices.settings().with(Map.of(Setting.REGISTRY_DB_PASSWORD, wrong));
        assertThatThrownBy(() -> RegistryDatabase.open(settings, "registry_never_created"))
                .isInstanceOf(RegistryException.class)
                .satisfies(e -> assertThat(fullText(e)).doesNotContain(wrong).contains("tenantctl_admin"));
    }

    @Test
    void aSchemaNameThatIsNotAPlainIdentifierIsRefused() {
        assertThatThrownBy(() -> RegistryDatabase.open(TestServices.settings(), "x\"; DROP SCHEMA registry; --"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must match");
    }

    @Test
    void theMigrationsThisBuildShipsAreExactlyTheOnesAFreshRegistryApplied() throws Exception {
        try (ThrowawayRegistry throwaway = ThrowawayRegistry.create();
             Connection admin = throwaway.adminConnection(); Statement st = admin.createStatement()) {
            List<String> applied = strings(st, "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL");
            assertThat(ShippedMigrations.versions()).as("listed from " + ShippedMigrations.location())
                    .hasValueSatisfying(versions -> assertThat(versions).containsExactlyInAnyOrderElementsOf(applied));
        }
        assertThat(ShippedMigrations.version("V2_1__split.sql")).hasValue("2.1");
        assertThat(ShippedMigrations.version("R__view.sql")).isEmpty();
        assertThat(ShippedMigrations.version("V7__notes.txt")).isEmpty();
        Set<String> shipped = Set.of("1", "2", "6");
        assertThat(ShippedMigrations.satisfiedBy(shipped, Set.of("1", "2", "6"))).isTrue();
        assertThat(ShippedMigrations.satisfiedBy(shipped, Set.of("1", "2", "6", "7", "10.1"))).as("future").isTrue();
        assertThat(ShippedMigrations.satisfiedBy(shipped, Set.of("1", "2"))).as("6 missing").isFalse();
        assertThat(ShippedMigrations.satisfiedBy(shipped, Set.of("1", "2", "5", "6"))).as("unknown 5").isFalse();
        assertThat(ShippedMigrations.compare("10", "9")).isPositive();
        assertThat(ShippedMigrations.compare("2.1", "2")).isPositive();
    }

    @Test
    void openingForReadingSkipsFlywayOnACurrentRegistryOnly() throws Exception {
        try (ThrowawayRegistry throwaway = ThrowawayRegistry.create()) {
            var settings = throwaway.settings().with(Map.of(Setting.REGISTRY_DB_SCHEMA, throwaway.schema()));
            try (Connection admin = throwaway.adminConnection(); Statement st = admin.createStatement()) {
                // an edited checksum: Flyway's validation refuses the registry, so only a skipped Flyway opens it
                st.execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");
                assertThatThrownBy(() -> RegistryDatabase.open(settings).close())
                        .isInstanceOf(RegistryException.class).hasMessageContaining("checksum");
                try (RegistryDatabase reading = RegistryDatabase.openCurrent(settings);
                     Connection app = reading.dataSource().getConnection(); Statement q = app.createStatement()) {
                    assertThat(reading.current()).isTrue();
                    assertThat(strings(q, "SELECT count(*)::text FROM tenants")).containsExactly("0");
                }
                st.execute("UPDATE flyway_schema_history SET checksum = checksum - 1 WHERE version = '1'");

                st.execute("UPDATE flyway_schema_history SET success = false WHERE version = '6'");
                assertThat(throwaway.registry().database().current()).as("a failed migration").isFalse();
                st.execute("UPDATE flyway_schema_history SET success = true WHERE version = '6'");
                st.execute("DELETE FROM flyway_schema_history WHERE version = '6'");
                assertThat(throwaway.registry().database().current()).as("a migration not applied").isFalse();
            }
        }
    }

    @Test
    void openingForReadingMigratesARegistryThatIsNotThereYet() throws Exception {
        String schema = "registry_test_read_" + Long.toString(System.nanoTime(), 36);
        var settings = TestServices.settings().with(Map.of(Setting.REGISTRY_DB_SCHEMA, schema));
        try (RegistryDatabase created = RegistryDatabase.openCurrent(settings);
             Connection app = created.dataSource().getConnection(); Statement st = app.createStatement()) {
            assertThat(created.current()).isTrue();
            assertThat(strings(st, "SELECT count(*)::text FROM tenants")).containsExactly("0");
        } finally {
            try (Connection admin = io.tenantprovisioning.testing.AdminPostgres.connect(
                    settings.string(Setting.REGISTRY_DB_NAME)); Statement st = admin.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    static List<String> strings(Statement st, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    static String fullText(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t).append('\n');
        }
        return sb.toString();
    }
}
