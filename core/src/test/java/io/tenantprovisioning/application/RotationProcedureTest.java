package io.tenantprovisioning.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.engine.FailurePoints;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.credential.CredentialProbe;
import io.tenantprovisioning.resource.credential.RandomSecrets;
import io.tenantprovisioning.resource.redis.AclPasswords;
import io.tenantprovisioning.resource.redis.RedisNamespaceDriver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The procedure's two proofs, shown to fail when what they protect is broken, on a real tenant's Redis
 * user: a revocation that revokes nothing is caught by the old password still logging in, and a new
 * password the service never got is caught before the old one is touched.
 */
class RotationProcedureTest {

    @TempDir
    Path dataDir;

    private ActiveTenants tenants;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void open() {
        tenants = new ActiveTenants(dataDir);
    }

    @AfterEach
    void close() {
        tenants.close();
    }

    @Test
    void aRevocationThatLeavesTheOldPasswordWorkingIsReportedAsFailed() {
        Slug slug = tenants.provision("rpr");
        Secret old = tenants.platform.services().vault().get(slug, RedisNamespaceDriver.SECRET_PASSWORD).orElseThrow();
        CredentialRotator<Secret> noRevoke = new Broken(redis(), false);

        RotationOutcome outcome = procedure().run(slug, noRevoke);

        assertThat(outcome).isInstanceOfSatisfying(RotationOutcome.Failed.class, f -> {
            assertThat(f.step()).isEqualTo("prove-old-refused");
            assertThat(f.reason()).contains("the old credential was not shown refused");
            assertThat(f.working()).isEqualTo("new");
        });
        // it really is still accepted: that is what the proof caught
        assertThat(passwords().login(slug, old).accepted()).isTrue();
        assertThat(tenants.platform.ledger().audit(slug)).filteredOn(r -> r.action().equals("credential-rotation-failed"))
                .singleElement().satisfies(r -> assertThat(r.reason()).doesNotContain(old.reveal()));
    }

    @Test
    void aNewPasswordTheServiceNeverGotIsCaughtBeforeTheOldOneIsTouched() {
        Slug slug = tenants.provision("rpn");
        Secret old = tenants.platform.services().vault().get(slug, RedisNamespaceDriver.SECRET_PASSWORD).orElseThrow();
        CredentialRotator<Secret> phantom = new Broken(redis(), true);

        RotationOutcome outcome = procedure().run(slug, phantom);

        assertThat(outcome).isInstanceOfSatisfying(RotationOutcome.Failed.class, f -> {
            assertThat(f.step()).isEqualTo("prove-new");
            assertThat(f.reason()).contains("the new credential was not accepted", "WRONGPASS");
            assertThat(f.working()).isEqualTo("old");
        });
        assertThat(passwords().login(slug, old).accepted()).isTrue();
        assertThat(tenants.platform.services().vault().get(slug, RedisNamespaceDriver.SECRET_PASSWORD)).contains(old);
    }

    private RotationProcedure procedure() {
        return new RotationProcedure(tenants.platform.services().registry(), FailurePoints.none(),
                (step, message) -> log.add(step + ": " + message), "test");
    }

    private AclPasswords passwords() {
        return RedisNamespaceDriver.fromSettings(tenants.platform.settings(), io.tenantprovisioning.testing.TestServices.MARKER).passwords();
    }

    private RedisPasswordRotation redis() {
        return new RedisPasswordRotation(passwords(), new RotationRecords(tenants.platform.services()),
                new RandomSecrets());
    }

    /** The real Redis rotation with one step broken: no revocation, or a new password Redis never got. */
    private static final class Broken implements CredentialRotator<Secret> {
        private final RedisPasswordRotation real;
        private final boolean phantomIssue;

        Broken(RedisPasswordRotation real, boolean phantomIssue) {
            this.real = real;
            this.phantomIssue = phantomIssue;
        }

        @Override
        public CredentialKind kind() {
            return real.kind();
        }

        @Override
        public Secret current(Slug slug) {
            return real.current(slug);
        }

        @Override
        public Secret issue(Slug slug, Secret current) throws ResourceException {
            return phantomIssue ? new RandomSecrets().password() : real.issue(slug, current);
        }

        @Override
        public CredentialProbe probe(Slug slug, Secret credential) {
            return real.probe(slug, credential);
        }

        @Override
        public void record(Slug slug, Secret next, Secret current) {
            real.record(slug, next, current);
        }

        @Override
        public void revoke(Slug slug, Secret next, Secret current) {
            // broken on purpose: the old password is left in place
        }

        @Override
        public CredentialProbe probeRevoked(Slug slug, Secret old) {
            return real.probeRevoked(slug, old);
        }

        @Override
        public void undo(Slug slug, Secret next, Secret current) throws ResourceException {
            real.undo(slug, next, current);
        }

        @Override
        public String describe(Slug slug, Secret credential) {
            return real.describe(slug, credential);
        }

        @Override
        public Optional<String> recover(Slug slug) throws ResourceException {
            return real.recover(slug);
        }
    }
}
