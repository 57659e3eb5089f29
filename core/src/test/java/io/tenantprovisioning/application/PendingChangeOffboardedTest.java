package io.tenantprovisioning.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.approval.IdentitySource;
import io.tenantprovisioning.approval.Verdict;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.registry.AuditRecord;
import io.tenantprovisioning.registry.ConfigVersion;
import io.tenantprovisioning.registry.ConfigVersionStatus;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.StateConflictException;
import io.tenantprovisioning.request.ChangeDraft;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.tier.Tier;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change of a tenant that is offboarded while the change waits (for approval, or approved for `resume`):
 * the offboarding closes it with an audit row, and no approval or resume can apply it afterwards.
 */
class PendingChangeOffboardedTest {

    private static final Actor OPERATOR = new Actor("ops@offboard.example", IdentitySource.CLI_OPERATOR_VARIABLE);
    private static final Actor CTO = Actor.stated("cto@offboard.example");

    @TempDir
    Path dataDir;

    private ActiveTenants tenants;
    private Registry registry;

    @BeforeEach
    void open() {
        tenants = new ActiveTenants(dataDir);
        registry = tenants.platform.services().registry();
    }

    @AfterEach
    void close() {
        tenants.close();
    }

    @Test
    void aChangeWaitingForApprovalIsCancelledWithTheTenantAndCanNeverBeApproved() {
        Slug slug = tenants.provision("pco");
        UUID request = askForGold(slug);

        tenants.platform.offboard(slug, tenants.progress);

        ConfigVersion closed = registry.configVersions().byRequest(request).orElseThrow();
        assertThat(closed.status()).isEqualTo(ConfigVersionStatus.REJECTED);
        assertThat(closed.note()).contains("cancelled", "offboarded");
        assertThat(cancellations(slug)).singleElement().satisfies(r -> assertThat(r.reason())
                .contains("change v2", request.toString(), "PENDING_APPROVAL", "never to be applied"));
        assertThatThrownBy(() -> tenants.platform.ledger().decisions().decide(slug, request.toString(),
                ApproverGroup.CTO, CTO, Verdict.APPROVED, "late click")).hasMessageContaining("no longer");
        assertThat(registry.approvals().forRequest(request)).isEmpty();
        assertThatThrownBy(() -> tenants.platform.updateHandler().resume(slug, OPERATOR, tenants.progress))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("OFFBOARDED");
        assertThat(registry.tenants().require(slug).state()).isEqualTo(TenantState.OFFBOARDED);
        assertThat(tenants.log).anyMatch(l -> l.contains("change v2 (PENDING_APPROVAL) cancelled"));
    }

    @Test
    void anApprovedChangeNotYetAppliedIsCancelledTooAndNeverResumed() {
        Slug slug = tenants.provision("pca");
        UUID request = askForGold(slug);
        tenants.platform.ledger().decisions().decide(slug, ApproverGroup.CTO, CTO, Verdict.APPROVED, "grow");
        assertThat(registry.configVersions().byRequest(request).orElseThrow().status())
                .isEqualTo(ConfigVersionStatus.APPROVED);

        tenants.platform.offboard(slug, tenants.progress);

        assertThat(registry.configVersions().byRequest(request).orElseThrow().status())
                .isEqualTo(ConfigVersionStatus.REJECTED);
        assertThat(cancellations(slug)).singleElement().satisfies(r -> assertThat(r.reason()).contains("APPROVED"));
        assertThatThrownBy(() -> tenants.platform.updateHandler().resume(slug, OPERATOR, tenants.progress))
                .isInstanceOf(StateConflictException.class);
        assertThat(registry.configVersions().forTenant(registry.tenants().require(slug).id()))
                .noneMatch(v -> v.status() == ConfigVersionStatus.APPLIED && v.tier() == Tier.GOLD)
                .noneMatch(v -> v.status().open());
    }

    @Test
    void offboardingATenantWithoutAnOpenChangeWritesNoCancellation() {
        Slug slug = tenants.provision("pcn");
        tenants.platform.offboard(slug, tenants.progress);
        assertThat(cancellations(slug)).isEmpty();
    }

    private UUID askForGold(Slug slug) {
        UpdateResult asked = tenants.platform.updateHandler().update(slug,
                new ChangeDraft("gold", null, null, null, null, null, null), OPERATOR, tenants.progress);
        assertThat(asked).as(String.join("\n", tenants.log)).isInstanceOf(UpdateResult.AwaitingApproval.class);
        return UUID.fromString(((UpdateResult.AwaitingApproval) asked).requestId());
    }

    private List<AuditRecord> cancellations(Slug slug) {
        return tenants.platform.ledger().audit(slug).stream()
                .filter(r -> r.action().equals(ChangeRecords.ACTION_CANCELLED)).toList();
    }
}
