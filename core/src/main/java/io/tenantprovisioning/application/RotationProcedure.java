package io.tenantprovisioning.application;

import io.tenantprovisioning.engine.FailurePoints;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.AuditEntry;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.credential.CredentialProbe;
import java.util.Objects;
import java.util.Optional;

/**
 * The order every credential rotation keeps, whatever the kind: issue the new credential, prove it with a
 * real login, record it, only then revoke the old one and prove it refused. A failure before the record
 * undoes the new one and proves the old one still works; a failure after it proves the new one works. So
 * the tenant always ends with a recorded credential that works. Steps {@code rotate-<kind>-issued},
 * {@code -proven} and {@code -recorded} are TENANTCTL_FAIL_AT points between them.
 */
final class RotationProcedure {

    static final String STEP = "rotate";

    private final Registry registry;
    private final FailurePoints failurePoints;
    private final ProgressListener progress;
    private final String actor;

    RotationProcedure(Registry registry, FailurePoints failurePoints, ProgressListener progress, String actor) {
        this.registry = registry;
        this.failurePoints = failurePoints;
        this.progress = progress;
        this.actor = actor;
    }

    <C> RotationOutcome run(Slug slug, CredentialRotator<C> rotator) {
        CredentialKind kind = rotator.kind();
        Optional<String> unsupported = rotator.unsupported(slug);
        if (unsupported.isPresent()) {
            progress.event(STEP, kind.option() + ": skipped — " + unsupported.get());
            return new RotationOutcome.Skipped(kind, unsupported.get());
        }
        C old;
        try {
            rotator.recover(slug).ifPresent(note -> progress.event(STEP, kind.option() + ": " + note));
            old = rotator.current(slug);
        } catch (ResourceException | RuntimeException e) {
            return failed(slug, rotator, "read", reason(e), Optional.empty(), Optional.empty());
        }
        C next = null;
        String stage = "issue";
        CredentialProbe newProof;
        try {
            next = rotator.issue(slug, old);
            failurePoints.reach(kind.step("issued"));
            stage = "prove-new";
            newProof = rotator.probe(slug, next);
            if (!newProof.accepted()) {
                throw new IllegalStateException("the new credential was not accepted: " + newProof.detail());
            }
            progress.event(STEP, kind.option() + ": new credential works — " + newProof.detail());
            failurePoints.reach(kind.step("proven"));
            stage = "record";
            rotator.record(slug, next, old);
        } catch (ResourceException | RuntimeException e) {
            return undone(slug, rotator, stage, e, old, next);
        }
        return revokeOld(slug, rotator, old, next, newProof);
    }

    private <C> RotationOutcome revokeOld(Slug slug, CredentialRotator<C> rotator, C old, C next,
                                          CredentialProbe newProof) {
        CredentialKind kind = rotator.kind();
        String stage = "revoke-old";
        try {
            failurePoints.reach(kind.step("recorded"));
            rotator.revoke(slug, next, old);
            stage = "prove-old-refused";
            CredentialProbe refused = rotator.probeRevoked(slug, old);
            if (!refused.refused()) {
                throw new IllegalStateException("the old credential was not shown refused: " + refused.detail());
            }
            String newId = rotator.describe(slug, next);
            progress.event(STEP, kind.option() + ": old credential refused — " + refused.detail());
            audit(slug, "credential-rotated", kind.option() + " (" + kind.vaultName() + ") now " + newId
                    + "; new proven: " + newProof.detail() + "; old refused: " + refused.detail());
            return new RotationOutcome.Rotated(kind, newId, newProof.detail(), refused.detail());
        } catch (ResourceException | RuntimeException e) {
            return failed(slug, rotator, stage, "the new credential is recorded; " + reason(e), Optional.of(old),
                    Optional.of(next));
        }
    }

    /** Before the record: the service goes back to the old credential, which must still work. */
    private <C> RotationOutcome undone(Slug slug, CredentialRotator<C> rotator, String stage, Exception cause, C old,
                                       C next) {
        String reason = reason(cause);
        if (next != null) {
            try {
                rotator.undo(slug, next, old);
            } catch (ResourceException | RuntimeException e) {
                reason += "; undoing the new credential failed too: " + reason(e);
            }
        }
        return failed(slug, rotator, stage, reason, Optional.of(old), Optional.ofNullable(next));
    }

    /** Proves whichever credential is recorded now with a real login, and records the failure. */
    private <C> RotationOutcome failed(Slug slug, CredentialRotator<C> rotator, String stage, String reason,
                                       Optional<C> old, Optional<C> next) {
        CredentialKind kind = rotator.kind();
        String working;
        String proof;
        try {
            C recorded = rotator.current(slug);
            CredentialProbe probe = rotator.probe(slug, recorded);
            proof = probe.detail();
            working = !probe.accepted() ? "none"
                    : next.filter(n -> Objects.equals(n, recorded)).isPresent() ? "new"
                    : old.filter(o -> Objects.equals(o, recorded)).isPresent() ? "old" : "recorded";
        } catch (ResourceException | RuntimeException e) {
            working = "none";
            proof = "the recorded credential could not be read or tried: " + reason(e);
        }
        String summary = kind.option() + ": rotation failed at " + stage + " — " + reason + "; working credential: "
                + working + " (" + proof + ")";
        progress.event(STEP, summary + ("none".equals(working)
                ? "; run `tenantctl rotate " + slug + " --only " + kind.option() + "` again once the service is back"
                : ""));
        audit(slug, "credential-rotation-failed", summary);
        return new RotationOutcome.Failed(kind, stage, reason, working, proof);
    }

    private void audit(Slug slug, String action, String reason) {
        try {
            registry.audit().append(new AuditEntry(actor, slug.value(), action, null, null, reason));
        } catch (RuntimeException e) {
            // the credential change stands either way; say loudly that its record is missing
            progress.event(STEP, "could not append the audit row (" + action + "): " + e.getMessage());
        }
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
