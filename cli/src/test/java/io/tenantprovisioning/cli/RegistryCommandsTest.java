package io.tenantprovisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.approval.Verdict;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.config.SettingsLoader;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.RegionCatalog;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.RequestValidator;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.tier.TierCatalog;
import io.tenantprovisioning.application.ApprovalWorkflow;
import io.tenantprovisioning.registry.Lifecycle;
import io.tenantprovisioning.registry.RunInProgressException;
import io.tenantprovisioning.application.SubmissionOutcome;
import io.tenantprovisioning.plan.TenantPlanner;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.application.TenantSubmission;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * approve, reject, list, show and audit, run in-process against the shared registry of the local
 * services. Tenants get unique slugs and are moved to a finished state afterwards (the audit log
 * keeps their rows: it is append-only).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryCommandsTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Settings settings;
    private Registry registry;
    private final List<Slug> created = new ArrayList<>();

    @BeforeAll
    void openRegistry() {
        settings = SettingsLoader.load(Map.of());
        registry = Registry.open(settings);
    }

    @AfterAll
    void closeRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @AfterEach
    void finishTestTenants() {
        for (Slug slug : created) {
            finish(slug);
        }
        created.clear();
    }

    @Test
    void approvalsByEveryGroupOnTheRouteApproveTheTenant() throws Exception {
        Slug slug = pendingCfoAndCto();

        Run cfo = runAs("cfo@example.com", "approve", slug.value(), "--group", "cfo", "--as", "cfo@example.com",
                "--comment", "in budget");
        assertThat(cfo.code()).isEqualTo(ExitCode.OK);
        assertThat(cfo.out()).contains("recorded: CFO APPROVED tenant '" + slug + "'").contains("still waiting for: CTO");

        Run cto = runAs("cto@example.com", "approve", slug.value(), "--group", "CTO", "--as", "cto@example.com",
                "--json");
        assertThat(cto.code()).isEqualTo(ExitCode.OK);
        JsonNode decision = JSON.readTree(cto.out());
        assertThat(decision.path("state").asText()).isEqualTo("APPROVED");
        assertThat(decision.path("stillPending")).isEmpty();

        Run show = run("show", slug.value(), "--json");
        assertThat(show.code()).isEqualTo(ExitCode.OK);
        JsonNode tenant = JSON.readTree(show.out());
        assertThat(tenant.path("state").asText()).isEqualTo("APPROVED");
        assertThat(tenant.path("tierConfig").path("queriesPerMinute").asInt()).isPositive();
        assertThat(tenant.path("cost").path("monthlyInr").asLong()).isPositive();
        assertThat(tenant.path("request").path("route")).hasSize(2);
        assertThat(tenant.path("approvals")).extracting(a -> a.path("approver").asText())
                .containsExactly("cfo@example.com", "cto@example.com");

        Run audit = run("audit", slug.value());
        assertThat(audit.code()).isEqualTo(ExitCode.OK);
        assertThat(audit.out()).contains("REQUESTED → PENDING_APPROVAL").contains("CFO APPROVED by cfo@example.com: in budget")
                .contains("PENDING_APPROVAL → APPROVED");
        JsonNode trail = JSON.readTree(run("audit", slug.value(), "--json").out());
        assertThat(trail).extracting(r -> r.path("action").asText())
                .containsExactly("request", "transition", "approval", "approval", "transition");
    }

    @Test
    void refusedDecisionsExitTwoAndChangeNothing() {
        Slug slug = pendingCfoAndCto();
        assertThat(runAs("cfo@example.com", "approve", slug.value(), "--group", "CFO", "--as", "cfo@example.com")
                .code()).isZero();

        Run notOnRoute = runAs("legal@example.com", "approve", slug.value(), "--group", "LEGAL", "--as",
                "legal@example.com");
        assertThat(notOnRoute.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(notOnRoute.err()).contains("group LEGAL is not on the approval route");

        Run twice = runAs("other@example.com", "reject", slug.value(), "--group", "CFO", "--as",
                "other@example.com");
        assertThat(twice.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(twice.err()).contains("group CFO already decided");

        Run unknownGroup = runAs("ceo@example.com", "approve", slug.value(), "--group", "CEO", "--as",
                "ceo@example.com");
        assertThat(unknownGroup.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(unknownGroup.err()).contains("group 'CEO' is not one of CFO, CTO, LEGAL, COMPLIANCE, DPO");

        Run missingApprover = run("approve", slug.value(), "--group", "CTO");
        assertThat(missingApprover.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(missingApprover.err()).contains("--as");

        assertThat(registry.approvals().forRequest(registry.tenants().require(slug).requestId())).hasSize(1);
        assertThat(registry.tenants().require(slug).state().name()).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    void unknownOrMalformedSlugsExitTwo() {
        Slug nobody = uniqueSlug();
        for (String[] args : List.of(new String[] {"show", nobody.value()}, new String[] {"audit", nobody.value()},
                new String[] {"approve", nobody.value(), "--group", "CFO", "--as", "cfo@example.com"})) {
            // in the approver's own session: the refusal is about the tenant, not about who asks
            Run r = runAs("cfo@example.com", args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(r.err()).contains("no tenant '" + nobody + "'");
        }
        Run malformed = run("show", "Not A Slug");
        assertThat(malformed.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(malformed.err()).contains("slug:");
        assertThat(run("audit").code()).isEqualTo(ExitCode.INVALID_INPUT);
    }

    @Test
    void oneRejectionRejectsTheTenant() {
        Slug slug = pendingCfoAndCto();
        Run reject = runAs("cto@example.com", "reject", slug.value(), "--group", "CTO", "--as", "cto@example.com",
                "--comment", "no Gold");
        assertThat(reject.code()).isEqualTo(ExitCode.OK);
        assertThat(reject.out()).contains("is now REJECTED");

        Run late = runAs("cfo@example.com", "approve", slug.value(), "--group", "CFO", "--as", "cfo@example.com");
        assertThat(late.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(late.err()).contains("is REJECTED");
    }

    @Test
    void listFiltersByState() throws Exception {
        Slug pending = pendingCfoAndCto();

        Run json = run("list", "--state", "pending_approval", "--json");
        assertThat(json.code()).isEqualTo(ExitCode.OK);
        assertThat(JSON.readTree(json.out())).extracting(t -> t.path("slug").asText()).contains(pending.value());
        assertThat(JSON.readTree(json.out())).allSatisfy(t ->
                assertThat(t.path("state").asText()).isEqualTo("PENDING_APPROVAL"));

        Run text = run("list");
        assertThat(text.out()).contains("SLUG").contains(pending.value());

        Run active = run("list", "--state", "ACTIVE", "--json");
        assertThat(JSON.readTree(active.out())).extracting(t -> t.path("slug").asText()).doesNotContain(pending.value());

        Run bogus = run("list", "--state", "READY");
        assertThat(bogus.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(bogus.err()).contains("state 'READY' is not one of REQUESTED, PENDING_APPROVAL");
    }

    @Test
    void showReportsResourcesAndTheLastValidation() {
        Slug slug = pendingCfoAndCto();
        TenantRecord tenant = registry.tenants().require(slug);
        long entry = registry.journal().intend(tenant.id(), ResourceKind.POSTGRES, "t_x", "direct");
        registry.journal().markCreated(entry, new CreatedResource(ResourceKind.POSTGRES, "t_x", "oid 4242",
                Map.of("postgres.role", "t_x"), Map.of()), Map.of("TenantID", slug.value()));
        registry.journal().intend(tenant.id(), ResourceKind.REDIS, "t_x-redis", "direct");
        Instant now = Instant.now();
        registry.validationRuns().record(tenant.id(), now, now, true, "{\"checks\": 8}");

        Run show = run("show", slug.value());
        assertThat(show.code()).isEqualTo(ExitCode.OK);
        assertThat(show.out()).contains("PENDING_APPROVAL").contains("route: CFO, CTO")
                .containsPattern("postgres +CREATED +t_x \\(oid 4242\\)")
                .containsPattern("redis +INTENDED +t_x-redis")
                .contains("last validation: passed");
    }

    @Test
    void auditVerifyReportsTheSharedChainIntact() throws Exception {
        pendingCfoAndCto();
        Run text = run("audit", "verify");
        assertThat(text.code()).isEqualTo(ExitCode.OK);
        assertThat(text.out()).startsWith("audit log intact: ");
        JsonNode json = JSON.readTree(run("audit", "verify", "--json").out());
        assertThat(json.path("ok").asBoolean()).isTrue();
        assertThat(json.path("rowsChecked").asLong()).isPositive();
        assertThat(json.path("headHash").asText()).hasSize(64);
    }

    @Test
    void aRunInProgressMapsToExitFour() {
        RuntimeException mapped = RegistryCommand.exitFor(new RunInProgressException("acme", "run r-1, pid 1 on h"));
        assertThat(mapped).isInstanceOfSatisfying(CliFailure.class, f -> {
            assertThat(f.exitCode()).isEqualTo(ExitCode.RUN_IN_PROGRESS);
            assertThat(f.getMessage()).contains("run r-1");
        });
    }

    private Slug pendingCfoAndCto() {
        Slug slug = uniqueSlug();
        var request = new RequestValidator(RegionCatalog.load()).validate(new RequestDraft(slug.value().replace('-', ' '),
                "gold", "us-east-1", "2000000", "owner@example.com", "INTERNAL", "NONE", false, null, null));
        var plan = TenantPlanner.from(settings, TierCatalog.load()).plan(request, UUID.randomUUID().toString());
        SubmissionOutcome outcome = new TenantSubmission(registry).submit(plan, "cli-test@example.com");
        created.add(slug);
        assertThat(outcome.state()).isEqualTo(TenantState.PENDING_APPROVAL);
        return slug;
    }

    /** Moves a test tenant to a finished state so it frees its slug and stays out of active lists. */
    private void finish(Slug slug) {
        TenantState state = registry.tenants().require(slug).state();
        if (state == TenantState.PENDING_APPROVAL) {
            TenantRecord tenant = registry.tenants().require(slug);
            List<ApproverGroup> decided = registry.approvals().forRequest(tenant.requestId()).stream()
                    .map(a -> a.group()).toList();
            ApproverGroup undecided = registry.requests().require(tenant.requestId()).route().groups().stream()
                    .filter(g -> !decided.contains(g)).findFirst().orElseThrow();
            new ApprovalWorkflow(registry).decide(slug, undecided, "cli-test-cleanup", Verdict.REJECTED, "test over");
        } else if (state == TenantState.APPROVED) {
            Lifecycle lifecycle = new Lifecycle(registry);
            lifecycle.transition(slug, TenantState.APPROVED, TenantState.PROVISIONING, "cli-test-cleanup", "test over");
            lifecycle.transition(slug, TenantState.PROVISIONING, TenantState.ROLLING_BACK, "cli-test-cleanup", "test over");
            lifecycle.transition(slug, TenantState.ROLLING_BACK, TenantState.ROLLED_BACK, "cli-test-cleanup",
                    "nothing was created");
        }
    }

    private static Slug uniqueSlug() {
        StringBuilder sb = new StringBuilder("clitest-");
        for (int i = 0; i < 8; i++) {
            sb.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(RANDOM.nextInt(36)));
        }
        return Slug.of(sb.toString());
    }

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        return run(System.getenv(), args);
    }

    /** Runs in {@code operator}'s session (TENANTCTL_OPERATOR), as an approver deciding from their own login. */
    private static Run runAs(String operator, String... args) {
        Map<String, String> environment = new java.util.HashMap<>(System.getenv());
        environment.put(Operator.VARIABLE, operator);
        return run(environment, args);
    }

    private static Run run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Tenantctl.newCommandLine(environment);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
