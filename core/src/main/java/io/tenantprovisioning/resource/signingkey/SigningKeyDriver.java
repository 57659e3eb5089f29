package io.tenantprovisioning.resource.signingkey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.model.ChargebackTags;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.resource.ManagedResource;
import io.tenantprovisioning.resource.OwnershipMarker;
import io.tenantprovisioning.resource.ResourceDescription;
import io.tenantprovisioning.resource.ResourceDriver;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.model.SecretVault;
import io.tenantprovisioning.resource.TagRewrite;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.resource.credential.RandomSecrets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A tenant's JWT signing key: 256 random bits for HS256, kept in the {@link SecretVault} (which encrypts
 * it) under {@code signing-key.key}, next to a small marker {@code signing-key.tags} holding the tags so
 * describe and the sweep can read them back from the vault itself.
 *
 * <p>A re-run keeps an existing valid key (rotating it would invalidate every token already issued).
 * A key has nothing to configure: the kind is complete once created.
 */
public final class SigningKeyDriver implements ResourceDriver {

    public static final String SECRET_KEY = "signing-key.key";
    public static final String MARKER = "signing-key.tags";
    public static final String ATTR_KEY_ID = "signing-key.kid";
    public static final String ATTR_ALGORITHM = "signing-key.algorithm";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SigningKeyKind NAMING = new SigningKeyKind();
    private static final TypeReference<Map<String, String>> TAGS = new TypeReference<>() {
    };

    private final SecretVault vault;
    private final RandomSecrets randomSecrets;

    public SigningKeyDriver(SecretVault vault, RandomSecrets randomSecrets) {
        this.vault = vault;
        this.randomSecrets = randomSecrets;
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.SIGNING_KEY;
    }

    @Override
    public CreatedResource create(TenantResourceSpec spec) throws ResourceException {
        Slug slug = spec.slug();
        try {
            Optional<SecretKey> existing = vault.get(slug, SECRET_KEY).flatMap(SigningKeyDriver::usableKey);
            SecretKey key = existing.orElseGet(
                    () -> new SecretKeySpec(randomSecrets.bytes(TenantTokens.KEY_BYTES), "HmacSHA256"));
            Secret stored = TenantTokens.encode(key);
            // the marker first: a crash after it leaves something the sweep can find and remove
            vault.put(slug, MARKER, Secret.of(encodeTags(tagsOf(spec))));
            if (existing.isEmpty()) {
                vault.put(slug, SECRET_KEY, stored);
            }
            String keyId = TenantTokens.keyId(key);
            return new CreatedResource(ResourceKind.SIGNING_KEY, nameOf(slug), keyId,
                    Map.of(ATTR_KEY_ID, keyId, ATTR_ALGORITHM, TenantTokens.ALGORITHM), Map.of(SECRET_KEY, stored));
        } catch (RuntimeException e) {
            throw new ResourceException("signing-key: could not store the signing key of " + slug + " in the vault: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The marker beside the key rewritten; the key itself stays, so issued tokens stay valid. The key lives in
     * this registry's own vault: there is nothing from before registry markers to prove, so a claim is a retag.
     */
    @Override
    public void rewriteTags(TenantResourceSpec spec, TagRewrite rewrite) throws ResourceException {
        Slug slug = spec.slug();
        requireTenantNamed(slug);
        if (!rewrite.writes()) {
            return;
        }
        try {
            vault.put(slug, MARKER, Secret.of(encodeTags(tagsOf(spec))));
        } catch (RuntimeException e) {
            throw new ResourceException("signing-key: could not rewrite the tags of " + slug + "'s key in the vault: "
                    + e.getMessage(), e);
        }
    }

    /** The key lives in this registry's own vault: its marker only has to name this tenant. */
    private void requireTenantNamed(Slug slug) throws ResourceException {
        Map<String, String> current;
        try {
            current = vault.get(slug, MARKER).map(m -> decodeTags(m.reveal())).orElse(Map.of());
        } catch (RuntimeException e) {
            throw new ResourceException("signing-key: could not read the vault for " + slug + ": " + e.getMessage(), e);
        }
        if (!slug.value().equals(current.get(ChargebackTags.TENANT_ID))) {
            throw new ResourceException("signing-key: the key of " + slug + " has no marker naming the tenant in"
                    + " this registry's vault; nothing was changed");
        }
    }

    @Override
    public Optional<ResourceDescription> describe(Slug slug) throws ResourceException {
        try {
            Optional<Secret> key = vault.get(slug, SECRET_KEY);
            Optional<Secret> marker = vault.get(slug, MARKER);
            if (key.isEmpty() && marker.isEmpty()) {
                return Optional.empty();
            }
            String identifier = key.flatMap(SigningKeyDriver::usableKey).map(TenantTokens::keyId)
                    .orElse(key.isPresent() ? "unusable-key" : "marker-only");
            Map<String, String> tags = marker.map(m -> decodeTags(m.reveal())).orElse(Map.of());
            return Optional.of(new ResourceDescription(ResourceKind.SIGNING_KEY, nameOf(slug), identifier, tags));
        } catch (RuntimeException e) {
            throw new ResourceException("signing-key: could not read the vault for " + slug + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void destroy(Slug slug) throws ResourceException {
        try {
            vault.delete(slug, SECRET_KEY);
            vault.delete(slug, SigningKeyRing.PREVIOUS);
            vault.delete(slug, MARKER);
        } catch (RuntimeException e) {
            throw new ResourceException("signing-key: could not delete the signing key of " + slug + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public List<ManagedResource> listManaged() throws ResourceException {
        List<ManagedResource> out = new ArrayList<>();
        try {
            for (Slug slug : vault.tenants()) {
                if (vault.get(slug, SECRET_KEY).isPresent() || vault.get(slug, MARKER).isPresent()) {
                    out.add(new ManagedResource(ResourceKind.SIGNING_KEY, nameOf(slug), slug.value()));
                }
            }
        } catch (RuntimeException e) {
            throw new ResourceException("signing-key: could not list the vault's tenants: " + e.getMessage(), e);
        }
        return out;
    }

    /** {@code tenant-acme-corp/signing-key} (the kind's naming). */
    public static String nameOf(Slug slug) {
        return NAMING.name(slug);
    }

    /** The stored key when it decodes to a full-strength HS256 key; a damaged one is replaced on create. */
    private static Optional<SecretKey> usableKey(Secret stored) {
        try {
            return Optional.of(TenantTokens.key(stored));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> tagsOf(TenantResourceSpec spec) {
        Map<String, String> tags = new TreeMap<>(spec.tags());
        tags.putIfAbsent(ChargebackTags.TENANT_ID, spec.slug().value());
        tags.putIfAbsent(ChargebackTags.MANAGED_BY, ChargebackTags.MANAGED_BY_VALUE);
        return tags;
    }

    private static String encodeTags(Map<String, String> tags) {
        try {
            return JSON.writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tags could not be written as JSON", e);
        }
    }

    private static Map<String, String> decodeTags(String json) {
        try {
            return new LinkedHashMap<>(JSON.readValue(json, TAGS));
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
