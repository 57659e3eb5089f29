package io.tenantprovisioning.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.resource.credential.RandomSecrets;
import io.tenantprovisioning.resource.postgres.PostgresSchemaDriver;
import io.tenantprovisioning.resource.redis.RedisEndpoint;
import io.tenantprovisioning.resource.redis.RedisNamespaceDriver;
import io.tenantprovisioning.resource.signingkey.SigningKeyDriver;
import io.tenantprovisioning.testing.AdminPostgres;
import io.tenantprovisioning.testing.InMemorySecretVault;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.TestTenants;
import io.tenantprovisioning.tier.Tier;
import io.tenantprovisioning.testing.KindPhases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Runs every driver, check and probe of this package pair end to end, with isolation broken so the probes
 * have something to say, while capturing stdout/stderr; no password or key may appear anywhere.
 */
class NoSecretInOutputTest {

    @Test
    void noSecretInOutputResultsOrMessages() throws Exception {
        Settings settings = TestServices.settings();
        InMemorySecretVault vault = new InMemorySecretVault();
        RedisNamespaceDriver redis = RedisNamespaceDriver.fromSettings(settings, TestServices.MARKER);
        SigningKeyDriver keys = new SigningKeyDriver(vault, new RandomSecrets());
        List<String> said = new ArrayList<>();
        List<Secret> secrets = new ArrayList<>(List.of(settings.requiredSecret(Setting.REGISTRY_DB_PASSWORD),
                settings.requiredSecret(Setting.REDIS_PASSWORD)));
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        Slug a = TestServices.uniqueSlug("nsec");
        Slug b = TestServices.uniqueSlug("nsec");
        try (PostgresSchemaDriver postgres = PostgresSchemaDriver.fromSettings(settings, TestServices.MARKER);
             PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            try {
                TenantAccess ta = provision(a, postgres, redis, keys, said, secrets);
                TenantAccess tb = provision(b, postgres, redis, keys, said, secrets);
                String roleA = '"' + a.sqlIdentifier() + '"';
                String schemaB = '"' + b.sqlIdentifier() + '"';
                AdminPostgres.execute("GRANT USAGE ON SCHEMA " + schemaB + " TO " + roleA,
                        "GRANT SELECT ON ALL TABLES IN SCHEMA " + schemaB + " TO " + roleA,
                        "CREATE POLICY leak ON " + schemaB + ".documents FOR SELECT USING (true)");
                try (Jedis admin = RedisEndpoint.fromSettings(settings).connect(null,
                        settings.requiredSecret(Setting.REDIS_PASSWORD))) {
                    admin.aclSetUser(a.redisUser(), "allkeys", "+keys");
                }
                said.addAll(new PostgresIsolationProbe().violations(ta, tb));
                said.addAll(RedisIsolationProbe.fromSettings(settings).violations(ta, tb));
                for (ValidationCheck check : List.of(new DatabaseConnectivityCheck(), new JwtAuthenticationCheck())) {
                    said.add(check.run(ta).toString());
                }
                said.add(postgres.describe(a).toString() + redis.describe(a) + keys.describe(a));
                said.add(postgres.listManaged().toString() + redis.listManaged() + keys.listManaged());
            } finally {
                for (Slug slug : List.of(a, b)) {
                    postgres.destroy(slug);
                    redis.destroy(slug);
                    keys.destroy(slug);
                }
                System.setOut(out);
                System.setErr(err);
            }
        }
        String everything = String.join("\n", said) + "\n" + captured.toString(StandardCharsets.UTF_8);
        assertThat(said).anyMatch(s -> s.contains("succeeded on")).anyMatch(s -> s.contains("was not refused"));
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(8);
        for (Secret secret : secrets) {
            assertThat(everything).doesNotContain(secret.reveal());
        }
    }

    private static TenantAccess provision(Slug slug, PostgresSchemaDriver postgres, RedisNamespaceDriver redis,
                                          SigningKeyDriver keys, List<String> said, List<Secret> secrets) throws Exception {
        TenantResourceSpec spec = TestTenants.spec(slug, Tier.GOLD);
        List<CreatedResource> created = List.of(KindPhases.createAndConfigure(postgres, spec),
                KindPhases.createAndConfigure(redis, spec), keys.create(spec));
        for (CreatedResource r : created) {
            said.add(r.toString());
            secrets.addAll(r.secrets().values());
        }
        return TestTenants.access(spec, created);
    }
}
