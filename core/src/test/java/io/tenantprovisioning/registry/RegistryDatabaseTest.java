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
