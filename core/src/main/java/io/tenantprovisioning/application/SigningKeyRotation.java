package io.tenantprovisioning.application;

import io.tenantprovisioning.rag.TokenRejectedException;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.credential.CredentialProbe;
import io.tenantprovisioning.resource.credential.RandomSecrets;
import io.tenantprovisioning.resource.signingkey.SigningKeyDriver;
import io.tenantprovisioning.resource.signingkey.SigningKeyRing;
import io.tenantprovisioning.resource.signingkey.TenantTokens;
import io.tenantprovisioning.resource.signingkey.TokenVerification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tenant's JWT signing key. Tokens name their key by {@code kid}; after a rotation the previous key
 * stays in the vault beside the new one and verifies its own tokens for the overlap window
 * (JWT_KEY_OVERLAP_MINUTES), so tokens already handed out keep working until they expire; from then on
 * they are refused. A second rotation inside the window is refused: it would cut those tokens off early.
 */
final class SigningKeyRotation implements CredentialRotator<SecretKey> {

    private final RotationRecords records;
    private final RandomSecrets random;
    private final Clock clock;
    private final Duration overlap;

    SigningKeyRotation(RotationRecords records, RandomSecrets random, Clock clock, Duration overlap) {
        this.records = records;
        this.random = random;
        this.clock = clock;
        this.overlap = overlap;
    }

    @Override
    public CredentialKind kind() {
        return CredentialKind.JWT;
    }

    @Override
    public Optional<String> unsupported(Slug slug) {
        Optional<SigningKeyRing> ring = SigningKeyRing.read(records.vault(), slug);
        Optional<Instant> retires = ring.flatMap(SigningKeyRing::previousRetiresAt)
                .filter(at -> clock.instant().isBefore(at));
        return retires.map(at -> "the previous signing key still verifies tokens until " + at
                + "; rotating again before then would refuse those tokens early");
    }

    @Override
    public SecretKey current(Slug slug) {
        return TenantTokens.key(records.requireSecret(slug, SigningKeyDriver.SECRET_KEY));
    }

    @Override
    public SecretKey issue(Slug slug, SecretKey current) {
        return new SecretKeySpec(random.bytes(TenantTokens.KEY_BYTES), "HmacSHA256");
    }

    /** Signs a token with the key and verifies it with the same verifier the query path uses. */
    @Override
    public CredentialProbe probe(Slug slug, SecretKey key) {
        TenantTokens tokens = new TenantTokens(clock);
        TokenVerification result = tokens.verify(tokens.issue(slug, key, Duration.ofMinutes(1)), slug, key);
        if (result instanceof TokenVerification.Rejected rejected) {
            return new CredentialProbe.Refused("token with kid " + TenantTokens.keyId(key) + " refused: "
                    + rejected.message());
        }
        return new CredentialProbe.Accepted("token with kid " + TenantTokens.keyId(key) + " signed and verified");
    }

    @Override
    public void record(Slug slug, SecretKey next, SecretKey current) {
        Instant retires = clock.instant().plus(overlap);
        records.inOneTransaction((vault, journal) -> {
            vault.put(slug, SigningKeyRing.PREVIOUS, SigningKeyRing.retiring(current, retires));
            vault.put(slug, SigningKeyDriver.SECRET_KEY, TenantTokens.encode(next));
        });
    }

    /** Nothing to delete now: the previous key retires on its own when the overlap window ends. */
    @Override
    public void revoke(Slug slug, SecretKey next, SecretKey current) {
    }

    /**
     * A token signed with the old key now, valid past the window, verified through the vault as the query
     * path does: accepted now (inside the window), refused at the moment the old key retires.
     */
    @Override
    public CredentialProbe probeRevoked(Slug slug, SecretKey old) {
        Instant now = clock.instant();
        Instant retires = SigningKeyRing.read(records.vault(), slug).flatMap(SigningKeyRing::previousRetiresAt)
                .orElse(now);
        String token = new TenantTokens(clock).issue(slug, old, overlap.plusMinutes(5));
        String kid = "token with the old kid " + TenantTokens.keyId(old);
        Optional<String> refusedNow = refusal(token, clock);
        Optional<String> refusedLater = refusal(token, Clock.fixed(retires, ZoneOffset.UTC));
        if (refusedLater.isEmpty()) {
            return new CredentialProbe.Accepted(kid + " is still accepted at " + retires);
        }
        return new CredentialProbe.Refused(kid + (refusedNow.isEmpty() ? " accepted until " + retires + ", then"
                : "") + " refused: " + refusedLater.get());
    }

    @Override
    public void undo(Slug slug, SecretKey next, SecretKey current) {
        // the new key was never stored: nothing to take back
    }

    @Override
    public String describe(Slug slug, SecretKey key) {
        return "signing key kid " + TenantTokens.keyId(key);
    }

    private Optional<String> refusal(String token, Clock at) {
        SigningKeyTokens verifier = new SigningKeyTokens(records.vault(), new TenantTokens(at), Duration.ofMinutes(1),
                at);
        try {
            verifier.verify(token);
            return Optional.empty();
        } catch (TokenRejectedException e) {
            return Optional.of(e.getMessage());
        }
    }
}
