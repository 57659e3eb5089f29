package io.tenantprovisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.application.ChangePlan;
import io.tenantprovisioning.application.PlanForApproval;
import io.tenantprovisioning.application.UpdateResult;
import io.tenantprovisioning.approval.ApprovalPolicy;
import io.tenantprovisioning.cost.CostModel;
import io.tenantprovisioning.request.FieldChange;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.request.TenantRequest;
import io.tenantprovisioning.testing.TestRequests;
import io.tenantprovisioning.tier.TierCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What `update` prints of a terraform tenant's change: the Terraform plan, its SHA-256 and how to approve it. */
class ChangeViewTest {

    private static final TierCatalog TIERS = TierCatalog.load();
    private static final String SHA = "cd".repeat(32);
    private static final List<String> SUMMARY = List.of("~ update  module.object_store.aws_s3_bucket.tenant",
            "~ update  module.object_store.aws_iam_user.tenant", "0 to create, 2 to update, 0 to replace, 0 to delete");

    private static ChangePlan silverToGold() {
        Slug slug = Slug.of("acme-tf");
        TenantRequest before = TestRequests.request(TestRequests.draft(slug, "silver", 500_000, null));
        TenantRequest after = TestRequests.request(TestRequests.draft(slug, "gold", 500_000, null));
        CostModel cost = new CostModel(25_000, TIERS);
        return new ChangePlan("acme-tf", 2, before, after, FieldChange.between(before, after),
                TIERS.config(before.tier()), TIERS.config(after.tier()), List.of(),
                List.of("tag Tier Silver → Gold on every resource"), cost.estimate(before), cost.estimate(after),
                ApprovalPolicy.defaults().routeForChange(before, after));
    }

    @Test
    void aWaitingChangeShowsItsTerraformPlanAndTheApproveCommandNamesItsSha() {
        UpdateResult waiting = new UpdateResult.AwaitingApproval(silverToGold().withEnginePlan(
                new PlanForApproval("3f0c-request", "acme-tf", "terraform", SHA, SUMMARY, false)), "3f0c-request");
        StringWriter text = new StringWriter();
        ChangeView.print(waiting, new PrintWriter(text, true));

        assertThat(text.toString()).contains("plan (terraform) SHA-256 " + SHA + ":",
                "  ~ update  module.object_store.aws_s3_bucket.tenant", "  0 to create, 2 to update, 0 to replace",
                "--plan " + SHA).doesNotContain("dry run");
        assertThat(ChangeView.toJson(waiting)).containsEntry("enginePlan", Map.of("engine", "terraform",
                "planSha256", SHA, "summary", SUMMARY, "autoApproved", false));
    }

    @Test
    void aDryRunSaysItsPlanIsNotKeptAndADirectChangeHasNone() {
        StringWriter text = new StringWriter();
        ChangeView.print(new UpdateResult.Planned(silverToGold().withEnginePlan(
                new PlanForApproval("(dry run)", "acme-tf", "terraform", SHA, SUMMARY, false))), new PrintWriter(text,
                true));
        assertThat(text.toString()).contains("plan (terraform) SHA-256 " + SHA + " (dry run: not kept",
                "dry run: nothing was recorded or changed");

        UpdateResult direct = new UpdateResult.AwaitingApproval(silverToGold(), "3f0c-request");
        StringWriter plain = new StringWriter();
        ChangeView.print(direct, new PrintWriter(plain, true));
        assertThat(plain.toString()).doesNotContain("SHA-256", "--plan");
        assertThat(ChangeView.toJson(direct)).doesNotContainKey("enginePlan");
    }
}
