package io.tenantprovisioning.resource.signingkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.resource.ManagedResource;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.model.SecretVault;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.resource.credential.RandomSecrets;
import io.tenantprovisioning.testing.InMemorySecretVault;
import io.tenantprovisioning.testing.TestTenants;
import io.tenantprovisioning.tier.Tier;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SigningKeyDriverTest {

    private final InMemorySecretVault vault = new InMemorySecretVault();
    private final SigningKeyDriver driver = new SigningKeyDriver(vault, new RandomSecrets());
    private final TenantResourceSpec acme = TestTenants.spec(Slug.of("acme-corp"), Tier.GOLD);

    @Test
    void createsA256BitKeyInTheVaultAndReturnsIt() throws Exception {
        CreatedResource r = driver.create(acme);

        Secret key = r.secrets().get(SigningKeyDriver.SECRET_KEY);
        assertThat(vault.get(acme.slug(), SigningKeyDriver.SECRET_KEY)).contains(key);
        assertThat(TenantTokens.key(key).getEncoded()).hasSize(32);
        assertThat(r.identifier()).isEqualTo(TenantTokens.keyId(TenantTokens.key(key)))
                .isEqualTo(r.attributes().get(SigningKeyDriver.ATTR_KEY_ID));
        assertThat(r.toString()).doesNotContain(key.reveal());
        TenantTokens tokens = new TenantTokens();
        String token = tokens.issue(acme.slug(), TenantTokens.key(key), Duration.ofMinutes(1));
        assertThat(tokens.verify(token, acme.slug(), TenantTokens.key(key)).accepted()).isTrue();
    }

    @Test
    void describeReadsTagsBackFromTheVault() throws Exception {
        CreatedResource r = driver.create(acme);
        var d = driver.describe(acme.slug()).orElseThrow();
        assertThat(d.kind()).isEqualTo(ResourceKind.SIGNING_KEY);
        assertThat(d.identifier()).isEqualTo(r.identifier());
        assertThat(d.tags()).containsAllEntriesOf(acme.tags());
    }

    @Test
    void reCreateKeepsTheKeySoIssuedTokensStayValid() throws Exception {
        CreatedResource first = driver.create(acme);
        CreatedResource second = driver.create(acme);
        assertThat(second.secrets()).isEqualTo(first.secrets());
    }

    @Test
    void aDamagedKeyIsReplacedOnReCreate() throws Exception {
        vault.put(acme.slug(), SigningKeyDriver.SECRET_KEY, Secret.of("c2hvcnQ="));
        assertThat(driver.describe(acme.slug()).orElseThrow().identifier()).isEqualTo("unusable-key");
        CreatedResource r = driver.create(acme);
        assertThat(TenantTokens.key(r.secrets().get(SigningKeyDriver.SECRET_KEY)).getEncoded()).hasSize(32);
    }

    @Test
    void destroyIsIdempotentAndListManagedFollowsTheVault() throws Exception {
        TenantResourceSpec globex = TestTenants.spec(Slug.of("globex"), Tier.BRONZE);
        driver.create(acme);
        driver.create(globex);
        vault.put(Slug.of("initech"), "postgres.password", Secret.of("unrelated"));
        assertThat(driver.listManaged()).containsExactlyInAnyOrder(
                new ManagedResource(ResourceKind.SIGNING_KEY, "tenant-acme-corp/signing-key", "acme-corp"),
                new ManagedResource(ResourceKind.SIGNING_KEY, "tenant-globex/signing-key", "globex"));

        driver.destroy(acme.slug());
        driver.destroy(acme.slug());

        assertThat(driver.describe(acme.slug())).isEmpty();
        assertThat(vault.all(acme.slug())).isEmpty();
        assertThat(driver.listManaged()).extracting(ManagedResource::tenantSlug).containsExactly("globex");
    }

    @Test
    void aVaultThatCannotListMakesListManagedFailLoudly() {
        SecretVault cannotList = new SecretVault() {
            @Override
            public void put(Slug slug, String name, Secret value) {
            }

            @Override
            public Optional<Secret> get(Slug slug, String name) {
                return Optional.empty();
            }

            @Override
            public Map<String, Secret> all(Slug slug) {
                return Map.of();
            }

            @Override
            public void delete(Slug slug, String name) {
            }

            @Override
            public void deleteAll(Slug slug) {
            }
        };
        assertThatThrownBy(() -> new SigningKeyDriver(cannotList, new RandomSecrets()).listManaged())
                .isInstanceOf(ResourceException.class).hasMessageContaining("cannot list");
    }
}
