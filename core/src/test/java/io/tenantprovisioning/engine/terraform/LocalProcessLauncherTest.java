package io.tenantprovisioning.engine.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.config.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a child process (tofu and its providers: third-party code) can see of this JVM's environment:
 * the allow-list and the spec's own variables, never the platform's secrets. Before the allow-list the
 * child inherited everything, the tenant-secrets key included.
 */
class LocalProcessLauncherTest {

    private static final Map<String, String> JVM_ENVIRONMENT = Map.of(
            "PATH", System.getenv("PATH"),
            "HOME", "/home/operator",
            "TF_CLI_CONFIG_FILE", "/etc/tenantctl/tofurc",
            "TENANT_SECRETS_KEY", "c2VjcmV0LWtleS1vZi10aGUtdmF1bHQ=",
            "REDIS_PASSWORD", "redis-admin-password",
            "SLACK_WEBHOOK_URL", "https://hooks.slack.example/services/T000/B000/XXXX",
            "AWS_SECRET_ACCESS_KEY", "inherited-admin-key");

    @TempDir
    Path dir;

    private String environmentOfChild(ProcessSpec spec) throws IOException, InterruptedException {
        LaunchedProcess child = new LocalProcessLauncher(JVM_ENVIRONMENT).launch(spec);
        String out = new String(child.stdout().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(Duration.ofSeconds(10))).isTrue();
        return out;
    }

    @Test
    void theChildSeesTheAllowListAndTheSpecButNoSecretOfTheJvm() throws Exception {
        String env = environmentOfChild(new ProcessSpec(List.of("/usr/bin/env"), dir, Map.of("TF_IN_AUTOMATION", "1"),
                Map.of("PG_CONN_STR", Secret.of("postgres://backend"))));
        assertThat(env).contains("HOME=/home/operator", "TF_CLI_CONFIG_FILE=/etc/tenantctl/tofurc",
                "TF_IN_AUTOMATION=1", "PG_CONN_STR=postgres://backend", "PATH=");
        assertThat(env).doesNotContain("TENANT_SECRETS_KEY", "c2VjcmV0LWtleS1vZi10aGUtdmF1bHQ=", "REDIS_PASSWORD",
                "redis-admin-password", "SLACK_WEBHOOK_URL", "hooks.slack.example", "inherited-admin-key");
    }

    @Test
    void aSecretTheSpecNamesExplicitlyIsPassedOn() throws Exception {
        String env = environmentOfChild(new ProcessSpec(List.of("/usr/bin/env"), dir, Map.of(),
                Map.of("AWS_SECRET_ACCESS_KEY", Secret.of("the-backend-key"))));
        assertThat(env).contains("AWS_SECRET_ACCESS_KEY=the-backend-key").doesNotContain("inherited-admin-key");
    }

    /**
     * The child writes to a file, not a pipe: it outlives its reader. Before, OpenTofu died of SIGPIPE at its
     * next line once the CLI reading it was killed, mid-apply. Here the reader stops reading and closes; the
     * child still writes, finishes (exit 0) and leaves its mark.
     */
    @Test
    void theChildOutlivesItsReader() throws Exception {
        Path mark = dir.resolve("finished");
        LaunchedProcess child = new LocalProcessLauncher(JVM_ENVIRONMENT).launch(new ProcessSpec(List.of("/bin/sh",
                "-c", "echo first; sleep 1; echo second; echo more 1>&2; touch " + mark), dir, Map.of(), Map.of()));
        byte[] first = child.stdout().readNBytes("first".length());
        assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo("first");
        child.stdout().close();
        child.stderr().close();
        assertThat(child.waitFor(Duration.ofSeconds(10))).isTrue();
        assertThat(child.exitCode()).as("no SIGPIPE (141)").isZero();
        assertThat(mark).exists();
    }
}
