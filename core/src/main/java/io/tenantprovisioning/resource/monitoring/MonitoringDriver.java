package io.tenantprovisioning.resource.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.resource.ConfiguredResource;
import io.tenantprovisioning.resource.ManagedResource;
import io.tenantprovisioning.resource.OwnershipMarker;
import io.tenantprovisioning.resource.ResourceDescription;
import io.tenantprovisioning.resource.ResourceDriver;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.resource.TagRewrite;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.resource.TerraformCreated;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's monitoring: a Grafana dashboard model in GRAFANA_DASHBOARD_DIR, also pushed through Grafana's
 * HTTP API when GRAFANA_URL is set (create; with terraform/tenant Terraform creates it and this driver
 * adopts it), and a Prometheus file_sd target file {@code tenant-<slug>.json} in PROMETHEUS_FILE_SD_DIR,
 * scraping METRICS_TARGET, labelled with the tenant's tags (configure).
 */
public final class MonitoringDriver implements ResourceDriver {

    public static final String TARGET_FILE = "monitoring.targetFile";
    public static final String DASHBOARD_UID = "monitoring.dashboardUid";
    public static final String DASHBOARD_FILE = "monitoring.dashboardFile";
    public static final String METRICS_TARGET = "monitoring.metricsTarget";
    /** The dashboard's URL in Grafana, as Terraform reports it (terraform/tenant). */
    public static final String DASHBOARD_URL = "monitoring.dashboardUrl";

    private static final String PREFIX = "tenant-";
    private static final String SUFFIX = ".json";
    private static final String DASHBOARD_IDENTIFIER = "dashboard ";
    private static final MonitoringKind NAMING = new MonitoringKind();

    private final JsonFolder targets;
    private final JsonFolder dashboards;
    private final String metricsTarget;
    private final Optional<GrafanaClient> grafana;
    private final OwnershipMarker marker;

    public MonitoringDriver(Path fileSdDir, Path dashboardDir, String metricsTarget, Optional<GrafanaClient> grafana,
                            OwnershipMarker marker) {
        this.targets = new JsonFolder(fileSdDir);
        this.dashboards = new JsonFolder(dashboardDir);
        this.metricsTarget = metricsTarget;
        this.grafana = grafana;
        this.marker = marker;
    }

    public static MonitoringDriver fromSettings(Settings settings, OwnershipMarker marker) {
        return new MonitoringDriver(settings.dir(Setting.PROMETHEUS_FILE_SD_DIR, "prometheus-targets"),
                settings.dir(Setting.GRAFANA_DASHBOARD_DIR, "dashboards"), settings.string(Setting.METRICS_TARGET),
                GrafanaClient.fromSettings(settings), marker);
    }

    /** The target file of a tenant (what check 7 looks for). */
    public static String fileName(Slug slug) {
        return slug.qualifiedName() + SUFFIX;
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.MONITORING;
    }

    /**
     * The dashboard: its model in GRAFANA_DASHBOARD_DIR, and in Grafana when GRAFANA_URL is set. A dashboard
     * or target whose tags name another tenant or manager is refused before anything is written.
     */
    @Override
    public CreatedResource create(TenantResourceSpec spec) throws ResourceException {
        Slug slug = spec.slug();
        String file = fileName(slug);
        ObjectNode dashboard = GrafanaDashboard.model(slug, marker.stamp(spec.tags(), slug));
        try {
            requireRewritableIfPresent(TagRewrite.RETAG, slug);
            dashboards.write(file, dashboard);
            if (grafana.isPresent()) {
                grafana.get().push(dashboard, "tenantctl: provision " + slug);
            }
        } catch (IOException e) {
            throw new ResourceException("monitoring: could not create the dashboard of tenant " + slug + ": "
                    + e.getMessage(), e);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(DASHBOARD_FILE, dashboards.path(file).toString());
        attributes.put(DASHBOARD_UID, GrafanaDashboard.uid(slug));
        return new CreatedResource(ResourceKind.MONITORING, NAMING.name(slug), DASHBOARD_IDENTIFIER
                + GrafanaDashboard.uid(slug), attributes, Map.of());
    }

    /** The dashboard Terraform created in Grafana: read back there, and only when it carries the marker. */
    @Override
    public CreatedResource adopt(TenantResourceSpec spec, TerraformCreated terraform) throws ResourceException {
        Slug slug = spec.slug();
        String uid = terraform.requireAttribute(DASHBOARD_UID);
        if (grafana.isEmpty()) {
            throw new ResourceException("monitoring: Terraform created dashboard " + uid + " in Grafana, but"
                    + " GRAFANA_URL is not set here, so it cannot be read back");
        }
        try {
            JsonNode dashboard = grafana.get().dashboard(uid).orElseThrow(() -> new ResourceException(
                    "monitoring: Terraform reported dashboard " + uid + ", which Grafana does not have"));
            marker.requireOurs("monitoring: dashboard " + uid, GrafanaDashboard.tags(dashboard), slug);
        } catch (IOException e) {
            throw new ResourceException("monitoring: could not read dashboard " + uid + " from Grafana: "
                    + e.getMessage(), e);
        }
        Map<String, String> attributes = new LinkedHashMap<>(terraform.attributes());
        return new CreatedResource(ResourceKind.MONITORING, NAMING.name(slug), DASHBOARD_IDENTIFIER + uid,
                attributes, Map.of());
    }

    /** The dashboard's tags (file, and Grafana when configured); configure then relabels the target. */
    @Override
    public void rewriteTags(TenantResourceSpec spec, TagRewrite rewrite) throws ResourceException {
        Slug slug = spec.slug();
        ObjectNode dashboard = GrafanaDashboard.model(slug, marker.stamp(spec.tags(), slug));
        try {
            requireRewritableIfPresent(rewrite, slug);
            if (!rewrite.writes()) {
                return;
            }
            dashboards.write(fileName(slug), dashboard);
            if (targets.read(fileName(slug)).isPresent()) {
                writeTarget(spec); // its labels carry the marker too: describe reports the tags both agree on
            }
            if (grafana.isPresent()) {
                grafana.get().push(dashboard, "tenantctl: update " + slug);
            }
        } catch (IOException e) {
            throw new ResourceException("monitoring: could not rewrite the dashboard tags of tenant " + slug + ": "
                    + e.getMessage(), e);
        }
    }

    /** The file_sd target: Prometheus scrapes METRICS_TARGET for the tenant, labelled with its tags. */
    @Override
    public ConfiguredResource configure(TenantResourceSpec spec, CreatedResource created) throws ResourceException {
        Slug slug = spec.slug();
        String file = fileName(slug);
        try {
            writeTarget(spec);
        } catch (IOException e) {
            throw new ResourceException("monitoring: could not write the Prometheus target of tenant " + slug + ": "
                    + e.getMessage(), e);
        }
        return ConfiguredResource.of(created,
                Map.of(TARGET_FILE, targets.path(file).toString(), METRICS_TARGET, metricsTarget),
                List.of("Prometheus target " + metricsTarget + " labelled tenant_id=" + slug + " in "
                        + targets.path(file)));
    }

    private void writeTarget(TenantResourceSpec spec) throws IOException {
        Slug slug = spec.slug();
        targets.write(fileName(slug), new PrometheusTargetFile(List.of(metricsTarget),
                TenantLabels.fromTags(slug, marker.stamp(spec.tags(), slug))).toJson());
    }

    /**
     * Refuses when a target or dashboard already there does not carry this registry's marker for the tenant
     * (or, to be claimed, tenantctl's tags from before registry markers).
     */
    private void requireRewritableIfPresent(TagRewrite rewrite, Slug slug) throws IOException, ResourceException {
        String file = fileName(slug);
        Optional<Map<String, String>> target = targetTags(file);
        if (target.isPresent()) {
            marker.requireRewritable(rewrite, "monitoring: target " + file, target.get(), slug);
        }
        Optional<JsonNode> dashboard = grafana.isPresent()
                ? grafana.get().dashboard(GrafanaDashboard.uid(slug)) : dashboards.read(file);
        if (dashboard.isPresent()) {
            marker.requireRewritable(rewrite, "monitoring: dashboard " + GrafanaDashboard.uid(slug),
                    GrafanaDashboard.tags(dashboard.get()), slug);
        }
    }

    private Optional<Map<String, String>> targetTags(String file) throws IOException {
        return targets.read(file).map(json -> TenantLabels.toTags(PrometheusTargetFile.fromJson(json).labels()));
    }


    /**
     * The tags as the target file's labels and the dashboard (Grafana's copy when configured, else the
     * file) both carry them. Where both exist only the tags they agree on are reported, so a tag missing
     * from either shows up as missing in check 8.
     */
    @Override
    public Optional<ResourceDescription> describe(Slug slug) throws ResourceException {
        String file = fileName(slug);
        try {
            Optional<Map<String, String>> fromTarget = targetTags(file).filter(t -> marker.describes(t, slug));
            Optional<JsonNode> dashboard = grafana.isPresent()
                    ? grafana.get().dashboard(GrafanaDashboard.uid(slug)) : dashboards.read(file);
            Optional<Map<String, String>> fromDashboard = dashboard.map(GrafanaDashboard::tags)
                    .filter(t -> marker.describes(t, slug));
            if (fromTarget.isEmpty() && fromDashboard.isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> tags = agreed(fromTarget, fromDashboard);
            String identifier = fromTarget.isPresent() ? targets.path(file).toString()
                    : DASHBOARD_IDENTIFIER + GrafanaDashboard.uid(slug);
            return Optional.of(new ResourceDescription(ResourceKind.MONITORING, slug.qualifiedName(), identifier, tags));
        } catch (IOException e) {
            throw new ResourceException("monitoring: could not read the monitoring of tenant " + slug + ": "
                    + e.getMessage(), e);
        }
    }

    private boolean mayDestroy(String what, Optional<Map<String, String>> tags, Slug slug) throws ResourceException {
        return tags.isPresent() && marker.mayDestroy(what, tags.get(), slug);
    }

    private static Map<String, String> agreed(Optional<Map<String, String>> a, Optional<Map<String, String>> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.or(() -> b).orElse(Map.of());
        }
        Map<String, String> both = new LinkedHashMap<>();
        a.get().forEach((k, v) -> {
            if (v.equals(b.get().get(k))) {
                both.put(k, v);
            }
        });
        return both;
    }

    /**
     * Removes the target file, the dashboard file and Grafana's dashboard, each only when it carries this
     * registry's marker; each may already be gone.
     */
    @Override
    public void destroy(Slug slug) throws ResourceException {
        String file = fileName(slug);
        String what = "monitoring of tenant " + slug;
        try {
            // The target first: once it is gone Prometheus stops scraping, whatever happens to the rest.
            if (mayDestroy(what, targetTags(file), slug)) {
                targets.delete(file);
            }
            if (mayDestroy(what, dashboards.read(file).map(GrafanaDashboard::tags), slug)) {
                dashboards.delete(file);
            }
            if (grafana.isPresent() && mayDestroy(what, grafana.get().dashboard(GrafanaDashboard.uid(slug))
                    .map(GrafanaDashboard::tags), slug)) {
                grafana.get().delete(GrafanaDashboard.uid(slug));
            }
        } catch (IOException e) {
            throw new ResourceException("monitoring: could not delete the monitoring of tenant " + slug + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public List<ManagedResource> listManaged() throws ResourceException {
        try {
            List<ManagedResource> found = new ArrayList<>();
            for (String file : targets.fileNames(PREFIX, SUFFIX)) {
                ownerOfTargetFile(file).ifPresent(s -> found.add(managed("prometheus-target/" + file, s)));
            }
            for (String file : dashboards.fileNames(PREFIX, SUFFIX)) {
                ownerOfDashboardFile(file).ifPresent(s -> found.add(managed("dashboard-file/" + file, s)));
            }
            if (grafana.isPresent()) {
                for (JsonNode hit : grafana.get().searchByTag(OwnershipMarker.REGISTRY_TAG + ":" + marker.registry())) {
                    marker.tenantOf(GrafanaDashboard.tags(hit)).flatMap(t -> ownerOf(hit.path("uid").asText(), t))
                            .ifPresent(s -> found.add(managed("grafana-dashboard/" + hit.path("uid").asText(), s)));
                }
            }
            return found;
        } catch (IOException e) {
            throw new ResourceException("monitoring: could not list managed targets and dashboards: " + e.getMessage(), e);
        }
    }

    /** The tenant of a target file carrying this registry's marker (an unreadable one is nobody's provably). */
    private Optional<String> ownerOfTargetFile(String file) {
        try {
            return targetTags(file).flatMap(marker::tenantOf).flatMap(tenant -> ownerOf(stem(file), tenant));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private Optional<String> ownerOfDashboardFile(String file) {
        try {
            return dashboards.read(file).map(GrafanaDashboard::tags).flatMap(marker::tenantOf)
                    .flatMap(tenant -> ownerOf(stem(file), tenant));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** The owning slug: the recorded tenant id when present, else the one in the {@code tenant-<slug>} name. */
    private static Optional<String> ownerOf(String name, String recordedTenant) {
        String candidate = recordedTenant != null ? recordedTenant
                : name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : null;
        try {
            return candidate == null ? Optional.empty() : Optional.of(Slug.of(candidate).value());
        } catch (IllegalArgumentException notATenant) {
            return Optional.empty();
        }
    }

    private static String stem(String file) {
        return file.substring(0, file.length() - SUFFIX.length());
    }

    private static ManagedResource managed(String name, String slug) {
        return new ManagedResource(ResourceKind.MONITORING, name, slug);
    }
}
