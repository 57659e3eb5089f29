package io.tenantprovisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.config.SettingsLoader;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.PreMarkerResources;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code tenantctl claim} through the real CLI on the real services: a tenant provisioned here whose resources
 * are then made to look like a tenantctl from before registry markers left them; the dry run lists five
 * claimable resources and stamps nothing, {@code --yes} stamps them, and the tenant then offboards.
 */
class ClaimCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String name = "Cli Claim " + Long.toString(Math.abs(new SecureRandom().nextLong()), 36).substring(0, 8);
    private final String slug = Slug.fromName(name).value();

    @AfterEach
    void offboard() {
        try (TenantPlatform platform = TenantPlatform.open(SettingsLoader.load(Map.of()), ProgressListener.silent())) {
            platform.services().registry().tenants().find(Slug.of(slug)).ifPresent(t -> {
                if (t.state() == TenantState.ACTIVE || t.state() == TenantState.OFFBOARDING) {
                    platform.claimHandler().claim(t.slug(), true, ProgressListener.silent());
                    platform.offboard(t.slug(), ProgressListener.silent());
                }
            });
        }
    }

    @Test
    void claimListsThenStampsThePreMarkerResourcesAndTheTenantOffboards() throws Exception {
        CliRun provisioned = CliRun.of("provision", "--name", name, "--tier", "bronze", "--region", "us-east-1",
                "--budget", "300000", "--email", "owner@cli.example", "--json");
        assertThat(provisioned.exitCode()).as(provisioned.err()).isZero();
        Settings settings = SettingsLoader.load(Map.of());
        PreMarkerResources.strip(settings, Slug.of(slug));

        CliRun dryRun = CliRun.of("claim", slug, "--json");

        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        JsonNode json = JSON.readTree(dryRun.out());
        assertThat(json.path("applied").asBoolean()).isFalse();
        assertThat(json.path("items").findValuesAsText("standing")).containsOnly("CLAIMABLE", "ALREADY_OURS")
                .filteredOn("CLAIMABLE"::equals).hasSize(5);

        CliRun claimed = CliRun.of("claim", slug, "--yes");

        assertThat(claimed.exitCode()).as(claimed.err()).isZero();
        assertThat(claimed.out()).contains("5 resource(s) now carry this registry's marker");
        assertThat(CliRun.of("claim", slug).out()).contains("nothing to claim");
        CliRun offboarded = CliRun.of("offboard", slug, "--yes", "--json");
        assertThat(offboarded.exitCode()).as(offboarded.out() + offboarded.err()).isZero();
    }

    @Test
    void anUnknownTenantIsAClearErrorThatChangesNothing() {
        CliRun run = CliRun.of("claim", "no-such-tenant-" + slug);

        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains("no-such-tenant-" + slug);
    }
}
