package io.tenantprovisioning.engine.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LockInfoTest {

    /** The detail as statemgr.LockError + LockInfo.String() format it inside the lock diagnostic. */
    private static final String DETAIL = """
            Error message: ConditionalCheckFailedException: The conditional request failed
            Lock Info:
              ID:        8a5e2c1f-0b3d-4c2a-9e7f-1d2c3b4a5e6f
              Path:      tf-state/tenants/t-acme/terraform.tfstate
              Operation: OperationTypeApply
              Who:       jenkins@agent-7
              Version:   1.11.14
              Created:   2026-11-29 21:40:01.123456 +0000 UTC
              Info:      \s

            OpenTofu acquires a state lock to protect the state from being written
            by multiple users at the same time.""";

    @Test
    void parsesEveryField() {
        LockInfo info = LockInfo.parse(DETAIL).orElseThrow();
        assertThat(info.id()).isEqualTo("8a5e2c1f-0b3d-4c2a-9e7f-1d2c3b4a5e6f");
        assertThat(info.path()).isEqualTo("tf-state/tenants/t-acme/terraform.tfstate");
        assertThat(info.operation()).isEqualTo("OperationTypeApply");
        assertThat(info.who()).isEqualTo("jenkins@agent-7");
        assertThat(info.version()).isEqualTo("1.11.14");
        assertThat(info.created()).isEqualTo("2026-11-29 21:40:01.123456 +0000 UTC");
        assertThat(info.info()).isEmpty();
        assertThat(info.reason()).isEqualTo("ConditionalCheckFailedException: The conditional request failed");
    }

    @Test
    void noBlockNoInfo() {
        assertThat(LockInfo.parse("Error message: connection refused")).isEmpty();
        assertThat(LockInfo.parse(null)).isEmpty();
    }

    @Test
    void recordedHolderGetsTheExactForceUnlockCommand() {
        LockInfo info = LockInfo.parse(DETAIL).orElseThrow();
        StateLockedException e = new StateLockedException("t-acme", info, "s3", List.of(),
                "tofu -chdir=/w/acme/tenant force-unlock " + info.id(), List.of(), "");
        assertThat(e.code()).isEqualTo(TerraformErrorCode.STATE_LOCKED);
        assertThat(e.holder()).contains("jenkins@agent-7").contains("OperationTypeApply");
        assertThat(e.forceUnlockCommand()).contains("tofu -chdir=/w/acme/tenant force-unlock "
                + "8a5e2c1f-0b3d-4c2a-9e7f-1d2c3b4a5e6f");
        assertThat(e.getMessage()).contains("only if it is certainly dead, run: tofu -chdir=/w/acme/tenant force-unlock");
    }

    @Test
    void pgLockNamesTheSessionAndOffersNoForceUnlock() {
        LockInfo info = new LockInfo("own-id", "", "OperationTypeApply", "me@here", "1.11.14", "now", "",
                "Workspace is already locked: t-acme");
        LockHolder holder = new LockHolder(4242, "tenantctl_admin", "tofu (tenantctl)", "127.0.0.1",
                "2026-11-29T21:40:01+00", "idle");
        StateLockedException e = new StateLockedException("t-acme", info, "pg", List.of(holder), null, List.of(), "");
        assertThat(e.forceUnlockCommand()).isEmpty();
        assertThat(e.holder()).contains("pid 4242").contains("tofu (tenantctl)").doesNotContain("me@here");
        assertThat(e.getMessage()).contains("Workspace is already locked: t-acme")
                .contains("force-unlock is not supported").contains("SELECT pg_terminate_backend(4242);");
    }

    @Test
    void creationLockKeyMatchesOpenTofusFnv1Hash() {
        // Values printed by Go's hash/fnv New32 (as the pg backend computes them): int64(Sum32()) * -1.
        assertThat(PgLockInspector.creationLockKey("", "")).isEqualTo(-84696351L);
        assertThat(PgLockInspector.creationLockKey("terraform_state", "states")).isEqualTo(-139843253L);
    }
}
