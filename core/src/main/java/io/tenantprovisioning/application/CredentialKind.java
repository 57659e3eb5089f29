package io.tenantprovisioning.application;

import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.resource.objectstore.TenantObjectCredentials;
import io.tenantprovisioning.resource.postgres.PostgresSchemaDriver;
import io.tenantprovisioning.resource.redis.RedisNamespaceDriver;
import io.tenantprovisioning.resource.signingkey.SigningKeyDriver;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The credentials a tenant holds and `tenantctl rotate` renews, by the name `--only` uses: each with the
 * resource kind that issued it and the vault name it lives under (whose age `show` reports).
 */
public enum CredentialKind {
    DB("db", ResourceKind.POSTGRES, PostgresSchemaDriver.SECRET_PASSWORD),
    REDIS("redis", ResourceKind.REDIS, RedisNamespaceDriver.SECRET_PASSWORD),
    S3("s3", ResourceKind.OBJECT_STORE, TenantObjectCredentials.SECRET_ACCESS_KEY),
    JWT("jwt", ResourceKind.SIGNING_KEY, SigningKeyDriver.SECRET_KEY);

    private final String option;
    private final ResourceKind resource;
    private final String vaultName;

    CredentialKind(String option, ResourceKind resource, String vaultName) {
        this.option = option;
        this.resource = resource;
        this.vaultName = vaultName;
    }

    public String option() {
        return option;
    }

    public ResourceKind resource() {
        return resource;
    }

    public String vaultName() {
        return vaultName;
    }

    /** {@code rotate-db-issued}: the TENANTCTL_FAIL_AT step reached after {@code stage} of this kind's rotation. */
    public String step(String stage) {
        return "rotate-" + option + "-" + stage;
    }

    /** The kind whose vault name this is, if any. */
    public static java.util.Optional<CredentialKind> ofVaultName(String name) {
        return Arrays.stream(values()).filter(k -> k.vaultName.equals(name)).findFirst();
    }

    /**
     * The kinds a comma-separated {@code --only} list names (blank: all of them).
     *
     * @throws IllegalArgumentException naming every unknown entry and the valid ones
     */
    public static Set<CredentialKind> parse(String list) {
        if (list == null || list.isBlank()) {
            return EnumSet.allOf(CredentialKind.class);
        }
        Set<CredentialKind> kinds = EnumSet.noneOf(CredentialKind.class);
        List<String> unknown = new java.util.ArrayList<>();
        for (String part : list.split(",")) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            Arrays.stream(values()).filter(k -> k.option.equals(name)).findFirst()
                    .ifPresentOrElse(kinds::add, () -> unknown.add("'" + part.trim() + "'"));
        }
        if (!unknown.isEmpty() || kinds.isEmpty()) {
            throw new IllegalArgumentException("--only takes a comma-separated list of "
                    + Arrays.stream(values()).map(CredentialKind::option).collect(Collectors.joining(", "))
                    + (unknown.isEmpty() ? "; it named none" : "; unknown: " + String.join(", ", unknown)));
        }
        return kinds;
    }
}
