package io.tenantprovisioning.security;

import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceDriver;
import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.resource.credential.RandomSecrets;
import io.tenantprovisioning.resource.objectstore.S3Backend;
import io.tenantprovisioning.resource.objectstore.TenantObjectCredentials;
import io.tenantprovisioning.resource.postgres.PostgresSchemaDriver;
import io.tenantprovisioning.resource.redis.RedisEndpoint;
import io.tenantprovisioning.resource.redis.RedisNamespaceDriver;
import io.tenantprovisioning.resource.signingkey.SigningKeyDriver;
import io.tenantprovisioning.testing.InMemorySecretVault;
import io.tenantprovisioning.testing.KindPhases;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.TestTenants;
import io.tenantprovisioning.tier.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Two tenants on the real local services, A (Bronze, the one attacking) and B (Silver): PostgreSQL
 * schema and role, Redis namespace, S3 bucket and IAM user on moto, signing key, each created and
 * configured as the direct engine does. Closing destroys both.
 */
final class TwoTenants implements AutoCloseable {

    private final Settings settings = TestServices.settings();
    private final PostgresSchemaDriver postgres = PostgresSchemaDriver.fromSettings(settings, TestServices.MARKER);
    private final RedisNamespaceDriver redis = RedisNamespaceDriver.fromSettings(settings, TestServices.MARKER);
    private final S3Backend s3 = S3Backend.fromSettings(settings, TestServices.MARKER);
    private final SigningKeyDriver signingKeys = new SigningKeyDriver(new InMemorySecretVault(), new RandomSecrets());
    private final List<Slug> created = new ArrayList<>();
    private TenantAccess a;
    private TenantAccess b;

    private TwoTenants() {
    }

    static TwoTenants provision() throws Exception {
        TwoTenants tenants = new TwoTenants();
        try {
            tenants.a = tenants.create(Tier.BRONZE);
            tenants.b = tenants.create(Tier.SILVER);
            return tenants;
        } catch (Exception | Error e) {
            tenants.close();
            throw e;
        }
    }

    private TenantAccess create(Tier tier) throws Exception {
        TenantResourceSpec spec = TestTenants.spec(TestServices.uniqueSlug("sec"), tier);
        created.add(spec.slug());
        List<CreatedResource> resources = new ArrayList<>();
        for (ResourceDriver driver : List.of(postgres, redis, signingKeys)) {
            resources.add(KindPhases.createAndConfigure(driver, spec));
        }
        resources.add(s3.create(spec));
        return TestTenants.access(spec, resources);
    }

    TenantAccess a() {
        return a;
    }

    TenantAccess b() {
        return b;
    }

    String bucketOfB() {
        return TenantObjectCredentials.from(b).bucket();
    }

    Answer postgres(Function<PostgresRoleAttacks, Answer> attempt) {
        try (PostgresRoleAttacks role = new PostgresRoleAttacks(a)) {
            return attempt.apply(role);
        }
    }

    RedisUserAttacks redis() {
        return new RedisUserAttacks(RedisEndpoint.fromSettings(settings), a);
    }

    Answer s3(Function<S3KeyAttacks, Answer> attempt) {
        try (S3KeyAttacks key = new S3KeyAttacks(settings, a)) {
            return attempt.apply(key);
        }
    }

    JwtAttacks jwt() {
        return new JwtAttacks(a, b);
    }

    @Override
    public void close() throws Exception {
        try {
            for (Slug slug : created) {
                for (ResourceDriver driver : List.<ResourceDriver>of(postgres, redis, signingKeys)) {
                    driver.destroy(slug);
                }
                s3.destroy(slug);
            }
        } finally {
            postgres.close();
            s3.close();
        }
    }
}
