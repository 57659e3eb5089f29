package io.tenantprovisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantprovisioning.application.ApprovalWorkflow;
import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.approval.Verdict;
import io.tenantprovisioning.config.SettingsLoader;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.registry.ApprovalRecord;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.Slug;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Who asks and who decides, through the real CLI on the shared registry (issue #15 items 3 and 4):
 * the identity comes from the operator's environment and a flag may only confirm it; the requester
 * never approves; one person decides for one group of a request; a decision binds to a request id.
 * Every refusal exits 2 and records nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalIdentityCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Registry registry;
    private final List<Slug> created = new ArrayList<>();

    @BeforeAll
    void openRegistry() {
        registry = Registry.open(SettingsLoader.load(Map.of()));
    }

    @AfterAll
    void closeRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @AfterEach
    void rejectWhatIsStillPending() {
        for (Slug slug : created) {
            TenantRecord tenant = registry.tenants().require(slug);
            if (tenant.state() == TenantState.PENDING_APPROVAL) {
                List<ApproverGroup> decided = decisions(slug).stream().map(ApprovalRecord::group).toList();
                ApproverGroup undecided = registry.requests().require(tenant.requestId()).route().groups().stream()
                        .filter(g -> !decided.contains(g)).findFirst().orElseThrow();
                new ApprovalWorkflow(registry).decide(slug, undecided, "cli-test-cleanup", Verdict.REJECTED, "test over");
            }
        }
        created.clear();
    }

    @Test
    void aDecisionUnderSomeoneElsesNameIsRefused() {
        Slug slug = pendingGoldRequestBy("alice@cli.example");

        CliRun forged = CliRun.as("mallory@cli.example", "approve", slug.value(), "--group", "CFO",
                "--as", "cfo@cli.example");

        assertThat(forged.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(forged.err()).contains("--as 'cfo@cli.example' is not who runs this command")
                .contains("the operator is mallory@cli.example (cli:TENANTCTL_OPERATOR)");
        assertThat(decisions(slug)).isEmpty();
    }

    @Test
    void aDecisionOnAPlanThatIsNotTheRequestsCurrentPlanIsRefused() {
        Slug slug = pendingGoldRequestBy("alice@cli.example");
        String reviewed = "ab".repeat(32);

        CliRun onOtherPlan = CliRun.as("cfo@cli.example", "approve", slug.value(), "--group", "CFO",
                "--as", "cfo@cli.example", "--plan", reviewed);

        assertThat(onOtherPlan.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(onOtherPlan.err()).contains("the plan reviewed (SHA-256 " + reviewed + ") is not the current plan "
                + "of request").contains("(it has none)");
        assertThat(decisions(slug)).isEmpty();
        assertThat(CliRun.as("cfo@cli.example", "show", slug.value()).out())
                .contains("plan: no saved plan (the direct engine creates the resources of the request plan");
    }

    @Test
    void theRequesterCannotApproveTheirOwnRequest() {
        Slug slug = pendingGoldRequestBy("alice@cli.example");

        CliRun own = CliRun.as("alice@cli.example", "approve", slug.value(), "--group", "CFO",
                "--as", "alice@cli.example");

        assertThat(own.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(own.err()).contains("alice@cli.example requested tenant '" + slug + "'")
                .contains("may not approve it");
        assertThat(decisions(slug)).isEmpty();
        assertThat(registry.tenants().require(slug).state()).isEqualTo(TenantState.PENDING_APPROVAL);
    }

    @Test
    void onePersonCannotDecideForTwoGroupsOfOneRequest() {
        Slug slug = pendingGoldRequestBy("alice@cli.example");
        assertThat(CliRun.as("bob@cli.example", "approve", slug.value(), "--group", "CFO", "--as", "bob@cli.example")
                .exitCode()).isZero();

        CliRun second = CliRun.as("bob@cli.example", "approve", slug.value(), "--group", "CTO",
                "--as", "bob@cli.example");

        assertThat(second.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(second.err()).contains("bob@cli.example already decided for CFO")
                .contains("one person decides for one group of a request at most");
        assertThat(decisions(slug)).extracting(ApprovalRecord::group).containsExactly(ApproverGroup.CFO);
        assertThat(registry.tenants().require(slug).state()).isEqualTo(TenantState.PENDING_APPROVAL);
    }

    @Test
    void aDecisionBindsToTheRequestItNamesNotToTheSlugsNewerRequest() throws Exception {
        Slug slug = pendingGoldRequestBy("alice@cli.example");
        UUID old = registry.tenants().require(slug).requestId();
        assertThat(CliRun.as("cto@cli.example", "reject", slug.value(), "--group", "CTO", "--as", "cto@cli.example")
                .exitCode()).isZero();
        pendingGoldRequestBy("alice@cli.example", slug);
        UUID newer = registry.tenants().require(slug).requestId();

        CliRun late = CliRun.as("cfo@cli.example", "approve", slug.value(), "--group", "CFO", "--as", "cfo@cli.example",
                "--request", old.toString());

        assertThat(late.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(late.err()).contains("request " + old + " is no longer current");
        assertThat(registry.approvals().forRequest(newer)).isEmpty();

        // by slug alone the decision goes to the current request, and records its id
        CliRun current = CliRun.as("cfo@cli.example", "approve", slug.value(), "--group", "CFO",
                "--as", "cfo@cli.example", "--json");
        assertThat(current.exitCode()).as(current.err()).isZero();
        assertThat(JSON.readTree(current.out()).path("requestId").asText()).isEqualTo(newer.toString());
        assertThat(registry.approvals().forRequest(newer)).singleElement()
                .satisfies(d -> assertThat(d.requestId()).isEqualTo(newer));
    }

    @Test
    void aRequesterNamedByAFlagMustBeTheOperator() {
        Slug slug = uniqueSlug();

        CliRun forged = CliRun.as("mallory@cli.example", request(slug, "--requested-by", "alice@cli.example"));

        assertThat(forged.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(forged.err()).contains("--requested-by 'alice@cli.example' is not who runs this command");
        assertThat(registry.tenants().find(slug)).isEmpty();
    }

    @Test
    void showAndAuditSayWhereEachIdentityCameFrom() throws Exception {
        Slug slug = uniqueSlug();
        // no TENANTCTL_OPERATOR in the session: the OS account asks
        Map<String, String> osSession = new HashMap<>(System.getenv());
        osSession.remove(Operator.VARIABLE);
        CliRun asked = CliRun.in(osSession, request(slug));
        created.add(slug);
        assertThat(asked.exitCode()).as(asked.err()).isEqualTo(ExitCode.AWAITING_APPROVAL);
        assertThat(CliRun.as("cfo@cli.example", "approve", slug.value(), "--group", "CFO", "--as", "CFO@cli.example")
                .exitCode()).isZero();

        JsonNode tenant = JSON.readTree(CliRun.of("show", slug.value(), "--json").out());
        assertThat(tenant.path("request").path("requester").asText()).isEqualTo(System.getProperty("user.name"));
        assertThat(tenant.path("request").path("requesterSource").asText()).isEqualTo("cli:os-user");
        assertThat(tenant.path("approvals").get(0).path("approver").asText()).isEqualTo("cfo@cli.example");
        assertThat(tenant.path("approvals").get(0).path("approverSource").asText())
                .isEqualTo("cli:TENANTCTL_OPERATOR");
        assertThat(CliRun.of("audit", slug.value()).out())
                .contains("CFO APPROVED by cfo@cli.example [request ")
                .contains("; identity cli:TENANTCTL_OPERATOR]")
                .contains("[requester identity cli:os-user]");
    }

    private Slug pendingGoldRequestBy(String requester) {
        return pendingGoldRequestBy(requester, uniqueSlug());
    }

    /** Gold for 20 lakh through `tenantctl provision`, from the requester's session: waits for CFO and CTO. */
    private Slug pendingGoldRequestBy(String requester, Slug slug) {
        CliRun run = CliRun.as(requester, request(slug));
        created.add(slug);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.AWAITING_APPROVAL);
        return slug;
    }

    private static String[] request(Slug slug, String... extra) {
        List<String> args = new ArrayList<>(List.of("provision", "--name", slug.value().replace('-', ' '), "--tier",
                "gold", "--region", "us-east-1", "--budget", "2000000", "--email", "owner@cli.example"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private List<ApprovalRecord> decisions(Slug slug) {
        return registry.approvals().forRequest(registry.tenants().require(slug).requestId());
    }

    private static Slug uniqueSlug() {
        StringBuilder sb = new StringBuilder("cliwho-");
        for (int i = 0; i < 8; i++) {
            sb.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(RANDOM.nextInt(36)));
        }
        return Slug.of(sb.toString());
    }
}
