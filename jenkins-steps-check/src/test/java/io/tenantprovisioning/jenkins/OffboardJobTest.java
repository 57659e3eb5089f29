package io.tenantprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The offboarding job hands the admin secrets to the tenantctl it runs: which one is the controller's
 * setting (global property TENANTCTL_BIN), never a build parameter (it used to be {@code TENANTCTL}).
 */
class OffboardJobTest {

    @Test
    void theExecutableThatGetsTheAdminSecretsIsNoBuildParameter() throws Exception {
        Path root = Path.of(System.getProperty("tenantctl.repo.root", ".."));
        String job = Files.readString(root.resolve("jobs/offboard.Jenkinsfile"));

        assertThat(job).doesNotContain("params.TENANTCTL").doesNotContain("name: 'TENANTCTL'");
        assertThat(job).contains("sh \"${env.TENANTCTL_BIN} offboard ${params.TENANT} --yes");
        assertThat(job).contains("TENANTCTL_BIN must be the absolute path");
    }
}
