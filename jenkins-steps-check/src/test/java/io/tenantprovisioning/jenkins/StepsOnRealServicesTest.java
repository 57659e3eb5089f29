package io.tenantprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin's real steps on the real local services, each run as Jenkins runs it: started, then
 * run() on the non-blocking pool's thread whose context class loader cannot see the plugin, core or
 * their libraries (the copy of SynchronousNonBlockingStepExecution). Before core stopped relying on
 * the context loader this failed at the first registry call ("No JDBC driver found").
 */
class StepsOnRealServicesTest {

    @TempDir
    Path temp;

    @Test
    @SuppressWarnings("unchecked")
    void aGoldRequestGoesThroughApprovalProvisioningValidationAndActivation() throws Exception {
        try (ServicesBuild services = new ServicesBuild("steps", temp)) {
            LocalBuild build = services.build;
            String tenant = services.slug.value();

            ApproveBudgetStep request = new ApproveBudgetStep(tenant.replace('-', ' '), "Gold", "us-east-1",
                    "2000000", "owner@acme.example");
            Map<String, Object> submitted = (Map<String, Object>) build.run(request);
            assertThat(submitted).containsEntry("slug", tenant).containsEntry("autoApproved", false)
                    .containsEntry("state", "PENDING_APPROVAL");
            String requestId = (String) submitted.get("requestId");
            List<Map<String, Object>> route = (List<Map<String, Object>>) submitted.get("route");
            for (Map<String, Object> approval : route) {
                String group = (String) approval.get("group");
                // one person answers for one group only (separation of duties); Jenkins records who
                // answered the group's input, and recordApproval takes only that authenticated user
                String approver = "approver-" + group.toLowerCase(java.util.Locale.ROOT);
                build.recorded().inputAnsweredBy(approver);
                build.run(new RecordApprovalStep(requestId, group, approver, "APPROVED"));
            }
            assertThat(services.state()).isEqualTo("APPROVED");

            TerraformProvisionStep provision = new TerraformProvisionStep(requestId);
            provision.setEngine("direct");
            assertThat((Map<String, Object>) build.run(provision)).isNotEmpty();
            Map<String, Object> validation = (Map<String, Object>) build.run(new ValidateTenantStep(tenant));
            assertThat(validation).as(build.log()).containsEntry("passed", true).containsEntry("checksTotal", 8);
            assertThat(services.workspace.resolve("reports/tenant-validation-" + tenant + ".xml")).isNotEmptyFile();
            // archived as is, then served under Jenkins' CSP (style-src 'self'): a stylesheet file, no inline style
            String html = Files.readString(services.workspace.resolve("reports/tenant-validation-" + tenant + ".html"));
            assertThat(html).contains("<link rel=\"stylesheet\" href=\"tenant-report.css\"/>", tenant);
            assertThat(Pattern.compile("(?i)<style|\\sstyle\\s*=").matcher(html).find()).as(html).isFalse();
            assertThat(services.workspace.resolve("reports/tenant-report.css")).isNotEmptyFile();
            assertThat(build.run(new ActivateTenantStep(tenant))).isEqualTo("ACTIVE");

            assertThat(services.state()).isEqualTo("ACTIVE");
            assertThat(build.log()).contains("[tenant-provisioning] " + tenant + " is ACTIVE");
        }
    }
}
