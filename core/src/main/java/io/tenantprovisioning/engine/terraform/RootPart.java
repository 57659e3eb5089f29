package io.tenantprovisioning.engine.terraform;

import io.tenantprovisioning.config.ConfigurationException;
import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.model.ResourceKind;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One part of {@value TenantModule#PROVIDERS_DIR}: a folder {@code parts/<name>/} holding a module call,
 * its provider configuration, and the variables and outputs only it uses. A tenant's root is the root's
 * own files plus the parts this deployment can serve ({@link #servable}): every provider the part needs is
 * installed (the mirror holds it) and the deployment uses that backend. {@code tofu init} fails on a
 * provider it cannot install, so a part that cannot be served is left out, never stood in for.
 */
public enum RootPart {
    OBJECT_STORE("object_store", List.of("hashicorp/aws"), ResourceKind.OBJECT_STORE),
    POSTGRES("postgres", List.of("cyrilgdn/postgresql", "hashicorp/random"), ResourceKind.POSTGRES),
    VECTOR("vector", List.of("pinecone-io/pinecone"), ResourceKind.VECTOR),
    MONITORING("monitoring", List.of("grafana/grafana"), ResourceKind.MONITORING);

    /** The folder of the root that holds the parts. */
    public static final String PARTS_FOLDER = "parts";

    private final String folder;
    private final List<String> providers;
    private final ResourceKind kind;

    RootPart(String folder, List<String> providers, ResourceKind kind) {
        this.folder = folder;
        this.providers = providers;
        this.kind = kind;
    }

    public String folder() {
        return folder;
    }

    /** Provider sources ({@code namespace/type}) the part's module needs. */
    public List<String> providers() {
        return providers;
    }

    public ResourceKind kind() {
        return kind;
    }

    /** The parts whose providers {@code mirror} holds and whose backend this deployment uses. */
    public static Set<RootPart> servable(Settings settings, ProviderMirror mirror) {
        Set<RootPart> parts = EnumSet.noneOf(RootPart.class);
        for (RootPart part : values()) {
            if (part.providers.stream().allMatch(mirror::holds) && part.usedBy(settings)) {
                parts.add(part);
            }
        }
        return parts;
    }

    /** Whether the deployment keeps this kind where the part's provider creates it. */
    private boolean usedBy(Settings settings) {
        return switch (this) {
            case OBJECT_STORE -> settings.string(Setting.OBJECT_STORE).equals("s3");
            case POSTGRES -> true;
            case VECTOR -> settings.string(Setting.VECTOR_STORE).equals("pinecone");
            case MONITORING -> settings.optional(Setting.GRAFANA_URL).filter(u -> !u.isBlank()).isPresent();
        };
    }

    /** The root variables only this part reads (its {@code variables.tf}), from the deployment's settings. */
    Map<String, Object> platformVariables(Settings settings) {
        Map<String, Object> v = new LinkedHashMap<>();
        switch (this) {
            case OBJECT_STORE -> settings.optional(Setting.S3_ENDPOINT).filter(e -> !e.isBlank())
                    .ifPresent(e -> v.put("aws_endpoint", e)); // unset: the variable's default (null) means AWS
            case POSTGRES -> v.put("postgres", postgresVariable(settings));
            case VECTOR -> settings.optional(Setting.PINECONE_INDEX_HOST).ifPresent(h -> v.put("vector",
                    Map.of("mode", "namespace", "cloud", "aws", "region", settings.string(Setting.AWS_REGION),
                            "shared_index_host", h)));
            case MONITORING -> v.put("grafana_url", settings.optional(Setting.GRAFANA_URL).filter(u -> !u.isBlank())
                    .orElseThrow(() -> new ConfigurationException("GRAFANA_URL must be set: the " + TenantModule.PROVIDERS_DIR
                            + " root creates each tenant's Grafana folder and dashboard")));
        }
        return v;
    }

    /** The credentials this part's providers read from the environment (never variables, never argv). */
    Map<String, Secret> providerEnvironment(Settings settings) {
        Map<String, Secret> env = new LinkedHashMap<>();
        switch (this) {
            case OBJECT_STORE -> {
                settings.optional(Setting.S3_ADMIN_ACCESS_KEY_ID)
                        .ifPresent(id -> env.put("AWS_ACCESS_KEY_ID", Secret.of(id)));
                settings.secret(Setting.S3_ADMIN_SECRET_ACCESS_KEY).ifPresent(s -> env.put("AWS_SECRET_ACCESS_KEY", s));
            }
            case POSTGRES -> env.put("PGPASSWORD", settings.requiredSecret(Setting.REGISTRY_DB_PASSWORD));
            case VECTOR -> settings.secret(Setting.PINECONE_API_KEY).ifPresent(s -> env.put("PINECONE_API_KEY", s));
            case MONITORING -> settings.secret(Setting.GRAFANA_TOKEN).ifPresent(s -> env.put("GRAFANA_AUTH", s));
        }
        return env;
    }

    private static Map<String, Object> postgresVariable(Settings settings) {
        String host = settings.string(Setting.REGISTRY_DB_HOST);
        Map<String, Object> postgres = new LinkedHashMap<>();
        postgres.put("host", host);
        postgres.put("port", settings.integer(Setting.REGISTRY_DB_PORT));
        postgres.put("database", settings.string(Setting.TENANT_DB_NAME));
        postgres.put("admin_user", settings.string(Setting.REGISTRY_DB_USER));
        boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
        postgres.put("sslmode", loopback ? "disable" : "require");
        return postgres;
    }
}
