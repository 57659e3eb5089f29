package io.tenantprovisioning.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.resource.postgres.PostgresSchemaDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The README's security-model table, row by row, against the real local services: for every "can" row
 * the tenant's own credential does it, for every "cannot" row the service refuses it. The table names
 * each row's attempt ({@code checked by}); this test runs that attempt. A row without an attempt, or an
 * attempt without a row, fails the test, so the table and what is checked cannot drift apart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityModelTest {

    private static final Path README = Path.of("").toAbsolutePath().getParent().resolve("README.md");
    private static final String SECTION = "## Security model";
    /** {@code | credential | can/cannot | what | `attempt-id` |}. */
    private static final Pattern ROW =
            Pattern.compile("^\\|([^|]+)\\|\\s*(can|cannot)\\s*\\|([^|]+)\\|\\s*`([a-z0-9-]+)`\\s*\\|$");

    /** One row of the README's table. */
    record Row(String credential, boolean may, String what, String attempt) {
        String display() {
            return credential + (may ? " can " : " cannot ") + what;
        }
    }

    private TwoTenants tenants;
    private Map<String, Function<TwoTenants, Answer>> attempts;

    @BeforeAll
    void provision() throws Exception {
        tenants = TwoTenants.provision();
        attempts = attempts();
    }

    @AfterAll
    void destroy() throws Exception {
        if (tenants != null) {
            tenants.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyRowOfTheTableHoldsOnTheRealServices() throws Exception {
        return rows().stream().map(row -> DynamicTest.dynamicTest(row.display(), () -> {
            Answer answer = attempts.get(row.attempt()).apply(tenants);
            assertThat(answer.refused()).as(row.attempt() + ": " + answer).isEqualTo(!row.may());
        }));
    }

    @Test
    void theTableAndTheAttemptsNameTheSameChecks() throws Exception {
        List<String> named = rows().stream().map(Row::attempt).toList();

        assertThat(named).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(attempts.keySet());
        assertThat(rows()).extracting(Row::credential).contains("PostgreSQL role `t_<slug>`", "Redis user `t_<slug>`",
                "S3 access key of `tenant-<slug>`", "JWT of the tenant");
    }

    /** The table rows of the section, in order. */
    static List<Row> rows() throws Exception {
        List<String> lines = Files.readAllLines(README);
        int start = lines.indexOf(SECTION);
        assertThat(start).as(SECTION + " in " + README).isNotNegative();
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            Matcher m = ROW.matcher(line.trim());
            if (m.matches()) {
                rows.add(new Row(m.group(1).trim(), m.group(2).equals("can"), m.group(3).trim(), m.group(4)));
            }
        }
        assertThat(rows).as("rows of the security-model table").isNotEmpty();
        return rows;
    }

    /** Each attempt as tenant A (Bronze), against tenant B where it needs another tenant. */
    private static Map<String, Function<TwoTenants, Answer>> attempts() {
        return Map.ofEntries(
                Map.entry("pg-own-rows", t -> t.postgres(PostgresRoleAttacks::ownRows)),
                Map.entry("pg-other-schema", t -> t.postgres(r -> r.readRows(t.b().slug(),
                        PostgresSchemaDriver.nameOf(t.b().slug())))),
                Map.entry("pg-row-without-tenant-id", t -> t.postgres(PostgresRoleAttacks::rowWithoutTenantId)),
                Map.entry("pg-row-of-another-tenant", t -> t.postgres(r -> r.rowLabelledForAnotherTenant(t.b().slug()))),
                Map.entry("pg-connection-limit", t -> t.postgres(r -> r.connections(t.a(),
                        t.a().tierConfig().postgresConnectionLimit()))),
                Map.entry("pg-tags", t -> t.postgres(r -> r.readTags(PostgresSchemaDriver.nameOf(t.b().slug())))),
                Map.entry("redis-own-keys", t -> t.redis().ownKeys()),
                Map.entry("redis-other-keys", t -> t.redis().readKey(t.b().slug())),
                Map.entry("redis-client-tracking", t -> t.redis().clientTrackingBroadcast()),
                Map.entry("redis-eval", t -> t.redis().eval()),
                Map.entry("redis-script-kill", t -> t.redis().scriptKill()),
                Map.entry("redis-tags", t -> t.redis().writeOwnTags()),
                Map.entry("s3-own-objects", t -> t.s3(S3KeyAttacks::ownObjects)),
                Map.entry("s3-other-bucket", t -> t.s3(k -> k.listBucket(t.bucketOfB()))),
                Map.entry("s3-list-buckets", t -> t.s3(S3KeyAttacks::listAllBuckets)),
                Map.entry("s3-put-bucket-policy", t -> t.s3(S3KeyAttacks::putBucketPolicy)),
                Map.entry("s3-delete-public-access-block", t -> t.s3(S3KeyAttacks::deletePublicAccessBlock)),
                Map.entry("s3-put-bucket-tagging", t -> t.s3(S3KeyAttacks::putBucketTagging)),
                Map.entry("s3-delete-bucket", t -> t.s3(S3KeyAttacks::deleteBucket)),
                Map.entry("jwt-own-tenant", t -> t.jwt().ownTenant()),
                Map.entry("jwt-other-tenant", t -> t.jwt().otherTenant()),
                Map.entry("jwt-expired", t -> t.jwt().expired()),
                Map.entry("jwt-unsigned", t -> t.jwt().unsigned()),
                Map.entry("jwt-tampered", t -> t.jwt().tampered()));
    }
}
