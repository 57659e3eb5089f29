package io.tenantprovisioning.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.model.IllegalTransitionException;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.ThrowawayRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rollback of a tenant for which nothing was applied (waiting for approval; what a pipeline's
 * {@code post { failure { rollbackTenant } }} meets after a Terraform plan was refused at the apply) is a no-op
 * success that says why and leaves the pending request as it is; once its journal holds a created resource it is
 * refused as before (the lifecycle's own message), never silently skipped.
 */
class RollbackNothingAppliedTest {

    @TempDir
    Path dataDir;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final ProgressListener progress = (step, message) -> log.add(step + ": " + message);
    private ThrowawayRegistry throwaway;
    private TenantPlatform platform;
    private Registry registry;

    @BeforeEach
    void open() {
        throwaway = ThrowawayRegistry.create();
        platform = TenantPlatform.open(TestServices.settingsIn(dataDir,
                Map.of(Setting.REGISTRY_DB_SCHEMA, throwaway.schema())), progress);
        registry = platform.services().registry();
    }

    @AfterEach
    void close() throws Exception {
        platform.close();
        throwaway.close();
    }

    @Test
    void aPendingRequestWithNothingCreatedRollsBackAsANoOpThatSaysWhy() {
        Slug slug = TestServices.uniqueSlug("nothing");
        pending(slug);
        TenantRecord before = registry.tenants().require(slug);
        int auditRows = registry.audit().forTenant(slug.value()).size();

        RollbackResult result = platform.rollback(slug, progress);

        assertThat(result).isInstanceOf(RollbackResult.NothingApplied.class);
        assertThat(result.complete()).isTrue();
        assertThat(result.state()).isEqualTo(TenantState.PENDING_APPROVAL);
        assertThat(result.summary()).isEqualTo(slug + " is PENDING_APPROVAL and nothing was applied for it (no "
                + "resource in its journal was created): nothing to roll back; the request is left as it is");
        assertThat(log).contains("rollback: " + result.summary());
        TenantRecord after = registry.tenants().require(slug);
        assertThat(after.state()).isEqualTo(TenantState.PENDING_APPROVAL);
        assertThat(after.requestId()).isEqualTo(before.requestId());
        assertThat(registry.audit().forTenant(slug.value())).as("no transition, nothing recorded").hasSize(auditRows);
    }

    @Test
    void aPendingTenantWhoseJournalHoldsACreatedResourceIsRefusedAsBefore() {
        Slug slug = TestServices.uniqueSlug("created");
        pending(slug);
        TenantRecord tenant = registry.tenants().require(slug);
        long entry = registry.journal().intend(tenant.id(), ResourceKind.SIGNING_KEY, "key-" + slug, "direct");
        registry.journal().markCreated(entry, "key-" + slug, Map.of(), Map.of());

        assertThatThrownBy(() -> platform.rollback(slug, progress)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("PENDING_APPROVAL");
        assertThat(registry.tenants().require(slug).state()).isEqualTo(TenantState.PENDING_APPROVAL);
    }

    /** Silver above the auto-approve threshold: waits for the CFO. */
    private void pending(Slug slug) {
        PipelineOutcome outcome = platform.job().run(new RequestDraft(slug.value(), "silver", "us-east-1", "1500000",
                "owner@nothing.example", "INTERNAL", "NONE", false, null, null), "requester@nothing.example",
                EngineKind.DIRECT, progress);
        assertThat(outcome).isInstanceOf(PipelineOutcome.AwaitingApproval.class);
    }
}
