package io.tenantprovisioning.request;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one identifier every resource name of a tenant is derived from.
 *
 * <p>Derived deterministically from the tenant name ("Acme Corporation" → {@code acme-corporation})
 * and rejected, never truncated, when it cannot satisfy {@link #PATTERN}: a truncated slug could
 * collide with another tenant's.
 */
public record Slug(String value) {

    public static final Pattern PATTERN = Pattern.compile("^[a-z][a-z0-9-]{1,30}[a-z0-9]$");
    public static final int MAX_LENGTH = 32;

    /** Slugs that would shadow system objects in PostgreSQL, Redis, S3 or the platform itself. */
    public static final Set<String> RESERVED = Set.of(
            "admin", "administrator", "public", "postgres", "default", "system", "root", "template0",
            "template1", "information-schema", "pg-catalog", "tenant", "tenants", "tenantctl", "api",
            "www", "internal", "registry", "monitoring", "grafana", "prometheus", "null", "none");

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_SLUG_CHARS = Pattern.compile("[^a-z0-9]+");

    public Slug {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Parses an existing slug (as typed on the command line), with the same rules. */
    public static Slug of(String value) {
        return new Slug(value == null ? null : value.trim());
    }

    /** Derives the slug from a tenant name; throws with a specific message when it cannot. */
    public static Slug fromName(String name) {
        return new Slug(derive(name));
    }

    /** The deterministic derivation, without validation (used to report what the slug would be). */
    public static String derive(String name) {
        String folded = Normalizer.normalize(name == null ? "" : name.trim(), Normalizer.Form.NFKD);
        folded = COMBINING_MARKS.matcher(folded).replaceAll("").toLowerCase(Locale.ROOT);
        String dashed = NOT_SLUG_CHARS.matcher(folded).replaceAll("-");
        int start = 0;
        int end = dashed.length();
        while (start < end && dashed.charAt(start) == '-') {
            start++;
        }
        while (end > start && dashed.charAt(end - 1) == '-') {
            end--;
        }
        return dashed.substring(start, end);
    }

    /** Why a candidate slug is not acceptable, or null when it is. */
    static String problem(String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return "slug: the name has no letters or digits to build a slug from";
        }
        if (candidate.length() > MAX_LENGTH) {
            return "slug: '" + abbreviate(candidate) + "' is " + candidate.length()
                    + " characters, at most " + MAX_LENGTH + " allowed; choose a shorter tenant name";
        }
        if (!PATTERN.matcher(candidate).matches()) {
            return "slug: '" + candidate + "' must match " + PATTERN.pattern()
                    + " (start with a letter, 3-32 of a-z, 0-9 and '-', not end with '-')";
        }
        if (RESERVED.contains(candidate) || candidate.startsWith("pg-")) {
            return "slug: '" + candidate + "' is reserved; choose another tenant name";
        }
        if (candidate.endsWith("-s3alias") || candidate.endsWith("--ol-s3")) {
            return "slug: '" + candidate + "' would give an invalid S3 bucket name (reserved suffix)";
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    /** PostgreSQL schema and role name: {@code t_acme_corp}. Always quote it in SQL. */
    public String sqlIdentifier() {
        return "t_" + value.replace('-', '_');
    }

    /** Redis ACL user name: {@code t_acme-corp}. */
    public String redisUser() {
        return "t_" + value;
    }

    /** Prefix of every Redis key and channel of the tenant: {@code t:acme-corp:}. */
    public String redisPrefix() {
        return "t:" + value + ":";
    }

    /** Vector namespace / index name, Prometheus target and dashboard uid: {@code tenant-acme-corp}. */
    public String qualifiedName() {
        return "tenant-" + value;
    }

    /** S3 bucket name under a deployment prefix; always 3-63 characters and S3-legal for a valid slug. */
    public String bucketName(String bucketPrefix) {
        return bucketPrefix + "-" + value;
    }

    /** Default cost center: {@code CC_ACME_CORP}. */
    public String defaultCostCenter() {
        return "CC_" + value.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    @Override
    public String toString() {
        return value;
    }
}
