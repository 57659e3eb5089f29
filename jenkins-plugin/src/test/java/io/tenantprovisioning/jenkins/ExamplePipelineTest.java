package io.tenantprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.EnvVars;
import hudson.model.BooleanParameterDefinition;
import hudson.model.BooleanParameterValue;
import hudson.model.ParameterDefinition;
import hudson.model.ParameterValue;
import hudson.model.ParametersAction;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.Result;
import hudson.model.StringParameterDefinition;
import hudson.model.StringParameterValue;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.slaves.EnvironmentVariablesNodeProperty;
import hudson.tasks.junit.TestResultAction;
import hudson.util.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.support.steps.input.InputAction;
import org.jenkinsci.plugins.workflow.support.steps.input.InputStepExecution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Runs the written-out declarative pipeline of Jenkinsfile.example in a real Jenkins with the real
 * steps and the real engine against the local services (scripts/services.sh up; TENANTCTL_SERVICES_ENV
 * names their settings file). Needs the Jenkins artifact repository: mvn -Pjenkins verify.
 */
@WithJenkins
@EnabledIfEnvironmentVariable(named = "TENANTCTL_SERVICES_ENV", matches = ".+")
class ExamplePipelineTest {

    private static final List<String> PARAMETERS = List.of("TENANT_NAME", "TIER", "REGION", "BUDGET", "OWNER_EMAIL",
            "DATA_CLASSIFICATION", "JURISDICTION", "ENGINE");

    private JenkinsRule j;
    private WorkflowJob job;
    private String slug;
    private boolean provisioned;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        Map<String, String> services = servicesEnv();
        // configuration as an administrator gives it: global environment, secrets as credentials
        EnvironmentVariablesNodeProperty global = new EnvironmentVariablesNodeProperty();
        EnvVars env = global.getEnvVars();
        services.forEach((k, v) -> {
            if (!k.endsWith("PASSWORD") && !k.equals("TENANT_SECRETS_KEY")) {
                env.put(k, v);
            }
        });
        env.put("OFFLINE", "true");
        j.jenkins.getGlobalNodeProperties().add(global);
        addSecret("tenantctl-registry-db-password", services.get("REGISTRY_DB_PASSWORD"));
        addSecret("tenantctl-secrets-key", services.get("TENANT_SECRETS_KEY"));

        job = j.createProject(WorkflowJob.class, "provision");
        job.setDefinition(new CpsFlowDefinition(writtenOutExample(), true));
        List<ParameterDefinition> definitions = new ArrayList<>();
        PARAMETERS.forEach(p -> definitions.add(new StringParameterDefinition(p, "")));
        definitions.add(new BooleanParameterDefinition("CROSS_BORDER", false, ""));
        job.addProperty(new ParametersDefinitionProperty(definitions));
        slug = "jr-" + Long.toString(System.nanoTime(), 36);
    }

    @AfterEach
    void removeTheTenant() throws Exception {
        if (provisioned) {
            WorkflowJob cleanup = j.createProject(WorkflowJob.class, "cleanup");
            cleanup.setDefinition(new CpsFlowDefinition("withCredentials([string(credentialsId: "
                    + "'tenantctl-registry-db-password', variable: 'REGISTRY_DB_PASSWORD'), string(credentialsId: "
                    + "'tenantctl-secrets-key', variable: 'TENANT_SECRETS_KEY')]) { rollbackTenant tenant: '" + slug
                    + "' }", true));
            j.buildAndAssertSuccess(cleanup);
        }
    }

    @Test
    void anAutoApprovedTenantIsProvisionedValidatedActivatedAndReported() throws Exception {
        WorkflowRun build = j.assertBuildStatusSuccess(job.scheduleBuild2(0, parameters("100000")));
        provisioned = true;

        j.assertLogContains("is auto-approved", build);
        j.assertLogContains(slug + " is ACTIVE", build);
        j.assertLogNotContains(servicesEnv().get("REGISTRY_DB_PASSWORD"), build);
        TestResultAction tests = build.getAction(TestResultAction.class);
        assertThat(tests).isNotNull();
        assertThat(tests.getTotalCount()).isEqualTo(8);
        assertThat(build.getArtifacts()).extracting(a -> a.relativePath)
                .contains("reports/tenant-validation-" + slug + ".html");
    }

    @Test
    void theCfoApprovesThroughTheInputStep() throws Exception {
        WorkflowRun build = job.scheduleBuild2(0, parameters("1500000")).waitForStart();
        InputStepExecution cfo = waitForInput(build, "ApproveCFO");

        try (ACLContext as = ACL.as(User.getById("carol", true))) {
            // proceed(Map) returns the map as given: only the web form's path (doProceed) adds the
            // submitterParameter, so a test calling the Java API must add APPROVER itself
            cfo.proceed(Map.of("DECISION", "APPROVED", "COMMENT", "within plan", "APPROVER", "carol"));
        }
        j.assertBuildStatusSuccess(j.waitForCompletion(build));
        provisioned = true;

        j.assertLogContains("CFO APPROVED by carol", build);
        j.assertLogContains(slug + " is ACTIVE", build);
    }

    @Test
    void aRejectionEndsTheBuildAbortedWithNothingProvisioned() throws Exception {
        WorkflowRun build = job.scheduleBuild2(0, parameters("1500000")).waitForStart();
        InputStepExecution cfo = waitForInput(build, "ApproveCFO");

        try (ACLContext as = ACL.as(User.getById("dave", true))) {
            cfo.proceed(Map.of("DECISION", "REJECTED", "COMMENT", "over budget", "APPROVER", "dave"));
        }
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(build));

        j.assertLogContains("CFO REJECTED by dave", build);
        j.assertLogNotContains("provisioning request", build);
        j.assertLogNotContains("rolling back", build);
    }

    @Test
    void anAbortRecordsNoDecision() throws Exception {
        WorkflowRun build = job.scheduleBuild2(0, parameters("1500000")).waitForStart();
        InputStepExecution cfo = waitForInput(build, "ApproveCFO");

        try (ACLContext as = ACL.as(User.getById("mallory", true))) {
            cfo.doAbort();
        }
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(build));

        j.assertLogNotContains("REJECTED by", build);
        j.assertLogNotContains("provisioning request", build);
    }

    private ParametersAction parameters(String budget) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("TENANT_NAME", slug);
        values.put("TIER", "Bronze");
        values.put("REGION", "ap-south-1");
        values.put("BUDGET", budget);
        values.put("OWNER_EMAIL", "owner@" + slug + ".example");
        values.put("DATA_CLASSIFICATION", "INTERNAL");
        values.put("JURISDICTION", "NONE");
        values.put("ENGINE", "direct");
        List<ParameterValue> list = new ArrayList<>();
        values.forEach((k, v) -> list.add(new StringParameterValue(k, v)));
        list.add(new BooleanParameterValue("CROSS_BORDER", false));
        return new ParametersAction(list);
    }

    private InputStepExecution waitForInput(WorkflowRun build, String id) throws Exception {
        j.waitForMessage("Tenant '" + slug + "'", build);
        InputAction action = build.getAction(InputAction.class);
        assertThat(action).isNotNull();
        InputStepExecution execution = action.getExecution(id);
        assertThat(execution).as("input " + id).isNotNull();
        return execution;
    }

    private static void addSecret(String id, String value) throws IOException {
        SystemCredentialsProvider.getInstance().getCredentials()
                .add(new StringCredentialsImpl(CredentialsScope.GLOBAL, id, id, Secret.fromString(value)));
        SystemCredentialsProvider.getInstance().save();
    }

    /** The commented, written-out declarative pipeline of Jenkinsfile.example, uncommented. */
    static String writtenOutExample() throws IOException {
        try (InputStream in = ExamplePipelineTest.class.getResourceAsStream("/Jenkinsfile.example")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            int start = lines.indexOf("// def run = [provisioningStarted: false, activated: false, rolledBack: false]");
            assertThat(start).as("the written-out version's first line").isPositive();
            return lines.subList(start, lines.size()).stream()
                    .map(l -> l.startsWith("// ") ? l.substring(3) : l.replaceFirst("^//", ""))
                    .collect(Collectors.joining("\n"));
        }
    }

    /** KEY=VALUE lines of the local services' settings file. */
    static Map<String, String> servicesEnv() throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(System.getenv("TENANTCTL_SERVICES_ENV")))) {
            String l = line.strip().replaceFirst("^export ", "");
            int eq = l.indexOf('=');
            if (!l.startsWith("#") && eq > 0) {
                values.put(l.substring(0, eq), l.substring(eq + 1).replaceAll("^[\"']|[\"']$", ""));
            }
        }
        return values;
    }
}
