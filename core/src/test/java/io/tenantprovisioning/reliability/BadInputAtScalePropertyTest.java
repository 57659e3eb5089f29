package io.tenantprovisioning.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.application.SubmissionOutcome;
import io.tenantprovisioning.application.TenantSubmission;
import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.plan.TenantPlan;
import io.tenantprovisioning.plan.TenantPlanner;
import io.tenantprovisioning.registry.IdempotencyConflictException;
import io.tenantprovisioning.registry.TenantAlreadyExistsException;
import io.tenantprovisioning.request.InvalidRequestException;
import io.tenantprovisioning.request.RegionCatalog;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.RequestValidator;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.request.TenantRequest;
import io.tenantprovisioning.testing.ThrowawayRegistry;
import io.tenantprovisioning.tier.TierCatalog;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Issue 19 item 4, bad input at scale: 10,000 generated requests (random Unicode; SQL, shell and
 * Redis-glob metacharacters; huge, negative and non-numeric budgets; names of 64+ bytes; IP-shaped and
 * {@code xn--} names; names that collide on one slug; reused idempotency keys) go through the real
 * request validation, planner and registry submission (what {@code SubmitHandler.submit} runs, on a
 * throwaway registry schema of the real PostgreSQL so the counts are exact). Each is accepted, replayed,
 * or refused with a specific message; no other exception escapes; a refused one adds no tenant, request
 * or audit row.
 */
@Tag("reliability")
class BadInputAtScalePropertyTest {

    private static final List<String> METACHARACTERS = List.of("'", "\"", ";", "--", "/*", "*/", "$(id)", "`ls`",
            "|", "&&", ">", "<", "\\", "*", "?", "[a-z]", "{x,y}", "%", "_", "\u0000", "\n", "\r\n", "\t",
            "'; DROP TABLE tenants; --", "' OR '1'='1", "$(rm -rf /)", "KEYS *", "FLUSHALL", "t_*", "\u202e",
            "\uFEFF", "\u00A0", "../", "${jndi:ldap://x}", "%s%n", "🙂", "Ⅻ", "ǅ", "ﬁ");
    /** Differently typed names of one slug, so valid requests collide. */
    private static final List<String> COLLIDING = List.of("Prop Collide Acme", "prop-collide-acme", "PROP  collide ACME",
            " Prop_Collide_Acme ", "Próp Cöllide Acme", "Prop Collide Beta", "prop collide beta");

    private ThrowawayRegistry registry;
    private Connection admin;
    private RequestValidator validator;
    private TenantPlanner planner;
    private final Set<String> liveSlugs = new HashSet<>();
    private final Set<String> requestIds = new HashSet<>();
    private final PropertyTally tally = new PropertyTally("bad input at scale (submit path)");
    private final java.util.Map<String, Integer> outcomes = new java.util.TreeMap<>();

    @BeforeProperty
    void openRegistry() throws SQLException {
        registry = ThrowawayRegistry.create();
        admin = registry.adminConnection();
        validator = new RequestValidator(RegionCatalog.load());
        planner = TenantPlanner.from(registry.settings(), TierCatalog.load());
    }

    @AfterProperty
    void dropRegistry() throws SQLException {
        try {
            tally.record("random requests through validate → plan → registry submit; refused ones change nothing; "
                    + outcomes);
            admin.close();
        } finally {
            registry.close();
        }
    }

    @Property(tries = 10_000, shrinking = ShrinkingMode.OFF)
    void everyRequestIsAcceptedReplayedOrRefusedClearlyAndARefusalChangesNothing(@ForAll("drafts") RequestDraft draft)
            throws SQLException {
        boolean held = false;
        try {
            check(draft);
            held = true;
        } finally {
            tally.tried(held);
        }
    }

    private void check(RequestDraft draft) throws SQLException {
        long[] before = counts();
        TenantRequest request;
        try {
            request = validator.validate(draft);
        } catch (InvalidRequestException refused) {
            assertThat(refused.problems()).isNotEmpty()
                    .allSatisfy(p -> assertThat(p).matches("(?s)^[a-z][a-z ]+: .+"));
            assertThat(counts()).as("a refused request changes nothing").containsExactly(before);
            outcomes.merge("invalid", 1, Integer::sum);
            return;
        }
        assertValidShape(request);
        TenantPlan plan = planner.plan(request, TenantPlanner.requestIdFor(request));
        String slug = request.slug().value();
        try {
            SubmissionOutcome outcome = new TenantSubmission(registry.registry()).submit(plan, Actor.stated("property@test"));
            if (outcome.replayed()) {
                assertThat(requestIds).as("a replay answers an earlier request").contains(outcome.requestId().toString());
                assertThat(counts()).as("a replay changes nothing").containsExactly(before);
                outcomes.merge("replayed", 1, Integer::sum);
            } else {
                assertThat(liveSlugs.add(slug)).as("a new tenant on a slug that was live: " + slug).isTrue();
                requestIds.add(outcome.requestId().toString());
                long[] after = counts();
                assertThat(after[0]).isEqualTo(before[0] + 1);
                assertThat(after[1]).isEqualTo(before[1] + 1);
                assertThat(after[2]).isGreaterThan(before[2]);
                outcomes.merge("accepted", 1, Integer::sum);
            }
        } catch (TenantAlreadyExistsException collision) {
            assertThat(liveSlugs).as("refused as existing").contains(slug);
            assertThat(collision.getMessage()).contains(slug);
            assertThat(counts()).as("a refused collision changes nothing").containsExactly(before);
            outcomes.merge("slug taken", 1, Integer::sum);
        } catch (IdempotencyConflictException reused) {
            assertThat(reused.getMessage()).contains(request.idempotency().orElseThrow());
            assertThat(counts()).as("a refused key reuse changes nothing").containsExactly(before);
            outcomes.merge("key reused", 1, Integer::sum);
        }
    }

    private static void assertValidShape(TenantRequest request) {
        Slug slug = request.slug();
        assertThat(slug.value()).matches(Slug.PATTERN).doesNotMatch("^\\d+(-\\d+){3}$");
        assertThat(slug.sqlIdentifier()).matches("^t_[a-z0-9_]{3,32}$");
        assertThat(slug.redisPrefix()).doesNotContain("*", "?", "[", "]", "\\");
        String bucket = slug.bucketName("tenant");
        assertThat(bucket.length()).isBetween(3, 63);
        assertThat(bucket).doesNotStartWith("xn--").doesNotMatch("^\\d+\\.\\d+\\.\\d+\\.\\d+$");
        assertThat(request.budgetInr()).isBetween(1L, RequestValidator.MAX_BUDGET_INR);
    }

    /** tenants, provisioning_requests, audit_log rows of the throwaway registry. */
    private long[] counts() throws SQLException {
        try (Statement st = admin.createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM tenants), (SELECT count(*) FROM "
                     + "provisioning_requests), (SELECT count(*) FROM audit_log)")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }
    }

    @Provide
    Arbitrary<RequestDraft> drafts() {
        Arbitrary<String> tier = Arbitraries.of("gold", "Silver", "BRONZE", "bronze", "platinum", "", " gold ", "gold;");
        Arbitrary<String> region = Arbitraries.of("us-east-1", "eu-west-1", "ap-south-1", "mars-1", "", "us-east-1'--");
        Arbitrary<String> classification = Arbitraries.of("INTERNAL", "public", "PII", "secret", "", "PHI");
        Arbitrary<String> jurisdiction = Arbitraries.of("NONE", "GDPR", "dpdpa", "", "HIPAA", "MARS");
        Arbitrary<String> costCenter = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.of("CC_OK", "cc-1"),
                withMetacharacters(Arbitraries.strings().alpha().ofMaxLength(10)));
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.just(null),
                Arbitraries.of("prop-key-0001", "prop-key-0002"), Arbitraries.strings().all().ofMaxLength(140));
        return Combinators.combine(names(), tier, region, budgets(), emails(), classification, jurisdiction,
                        Arbitraries.of(true, false))
                .as((n, t, r, b, e, c, j, x) -> new String[] {n, t, r, b, e, c, j, String.valueOf(x)})
                .flatMap(parts -> Combinators.combine(costCenter, key).as((cc, k) -> new RequestDraft(parts[0],
                        parts[1], parts[2], parts[3], parts[4], parts[5], parts[6], Boolean.parseBoolean(parts[7]),
                        cc, k)));
    }

    private Arbitrary<String> names() {
        Arbitrary<String> plain = Arbitraries.strings().withCharRange('a', 'z').withChars(' ', '-').ofMinLength(3)
                .ofMaxLength(28).map(s -> "Prop " + s);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.strings().all().ofMaxLength(90)),
                net.jqwik.api.Tuple.of(3, withMetacharacters(plain)),
                net.jqwik.api.Tuple.of(2, plain),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(COLLIDING)),
                net.jqwik.api.Tuple.of(1, longNames()),
                net.jqwik.api.Tuple.of(1, ipShaped()),
                net.jqwik.api.Tuple.of(1, punycode()),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(null, "", "  ", "ab", "pg-x tenant", "admin", "tenant",
                        "x-s3alias", "Xyz--ol-s3", "9lives", "-a-", "Canary 1 abcdefgh")));
    }

    private static Arbitrary<String> withMetacharacters(Arbitrary<String> base) {
        return Combinators.combine(base, Arbitraries.of(METACHARACTERS), Arbitraries.of(METACHARACTERS),
                Arbitraries.integers().between(0, 2)).as((s, m1, m2, where) -> switch (where) {
                    case 0 -> m1 + s + m2;
                    case 1 -> s + m1;
                    default -> s.substring(0, s.length() / 2) + m1 + m2 + s.substring(s.length() / 2);
                });
    }

    /** 64+ bytes: long ASCII, or fewer characters of several bytes each. */
    private static Arbitrary<String> longNames() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(64).ofMaxLength(300),
                Arbitraries.strings().withChars('é', 'ß', 'Ж', '中', '😀').ofMinLength(17).ofMaxLength(70),
                Arbitraries.strings().withCharRange('a', 'z').ofLength(33).map(s -> s.substring(0, 10) + " " + s));
    }

    private static Arbitrary<String> ipShaped() {
        Arbitrary<Integer> octet = Arbitraries.integers().between(0, 999);
        return Combinators.combine(octet, octet, octet, octet, Arbitraries.of(".", " ", "-"))
                .as((a, b, c, d, sep) -> a + sep + b + sep + c + sep + d);
    }

    private static Arbitrary<String> punycode() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(20)
                .flatMap(s -> Arbitraries.of("xn--" + s, "XN--" + s, "xn-- " + s, "Xn--" + s + "-" + s));
    }

    private static Arbitrary<String> emails() {
        return Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).map(l -> l + "@example.com"),
                Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.of("a@b", "@example.com", "x@", "a b@example.com", "o'brien@example.com",
                        "x@example.com; rm -rf /", "x@[127.0.0.1]"));
    }

    private static Arbitrary<String> budgets() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(1, 20_000_000L).map(String::valueOf),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.of("0", "-1", "-500000", "9223372036854775807", "9223372036854775808",
                        "99999999999999999999999", "1e6", "0x10", "+5", " 500000 ", "5,00,000", "500000.50", "١٢٣",
                        "５００", "NaN", "Infinity", "", "∞", "10000000001", "10000000000"),
                Arbitraries.strings().all().ofMaxLength(30));
    }
}
