package io.tenantprovisioning.engine.terraform;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.model.SecretVault;
import io.tenantprovisioning.request.Slug;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * OpenTofu's native state (and plan) encryption for one tenant's workspace: AES-GCM under a key derived
 * (PBKDF2) from a passphrase of the tenant's own, 32 random bytes that tenantctl generates once and keeps in
 * its encrypted vault under {@value #VAULT_NAME}, never the same as any other secret. The configuration goes
 * to tofu only in the {@code TF_ENCRYPTION} environment variable (OpenTofu merges it into the root's
 * {@code encryption} block), so the passphrase is in no file, no argv and no log line; {@code enforced} makes
 * tofu refuse to write plaintext state or plans.
 */
public final class StateEncryption {

    /** The vault entry holding the tenant's state passphrase. */
    public static final String VAULT_NAME = "terraform-state-key";
    static final String ENVIRONMENT_VARIABLE = "TF_ENCRYPTION";
    private static final int KEY_BYTES = 32;

    private final SecretVault vault;
    private final SecureRandom random;

    public StateEncryption(SecretVault vault) {
        this(vault, new SecureRandom());
    }

    StateEncryption(SecretVault vault, SecureRandom random) {
        this.vault = vault;
        this.random = random;
    }

    /** The tenant's passphrase, generated and stored first if it has none: before anything is written with it. */
    public Secret keyFor(Slug slug) {
        Optional<Secret> existing = vault.get(slug, VAULT_NAME);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        Secret key = Secret.of(Base64.getEncoder().encodeToString(bytes));
        vault.put(slug, VAULT_NAME, key);
        return key;
    }

    /** The tenant's passphrase if it has one (a tenant applied before encryption, or never, has none). */
    public Optional<Secret> existingKey(Slug slug) {
        return vault.get(slug, VAULT_NAME);
    }

    /** {@code TF_ENCRYPTION} for {@code key}: state and plans encrypted, enforced. */
    public static Map<String, Secret> environment(Secret key) {
        String config = """
                key_provider "pbkdf2" "tenant" {
                  passphrase = "%s"
                }
                method "aes_gcm" "tenant" {
                  keys = key_provider.pbkdf2.tenant
                }
                state {
                  method   = method.aes_gcm.tenant
                  enforced = true
                }
                plan {
                  method   = method.aes_gcm.tenant
                  enforced = true
                }
                """.formatted(key.reveal()); // base64: no character needs escaping in an HCL string
        return Map.of(ENVIRONMENT_VARIABLE, Secret.of(config));
    }
}
