package io.tenantprovisioning.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {

    @TempDir
    Path dir;

    @Test
    void flagsBeatEnvironmentBeatDotEnvBeatConfigFileBeatDefaults() throws Exception {
        Files.writeString(dir.resolve(".env"), "ENGINE=terraform\nREDIS_PORT=6400\nBUCKET_PREFIX=dotenv\n");
        Path config = dir.resolve("config.env");
        Files.writeString(config, "REDIS_PORT=6500\nREDIS_HOST=config-host\nBUCKET_PREFIX=config\n");
        Map<String, String> env = Map.of("TENANTCTL_CONFIG", config.toString(), "ENGINE", "direct",
                "TENANTCTL_SERVICES_ENV", dir.resolve("missing.env").toString());
        Settings s = new SettingsLoader(Map.of("ENGINE", "terraform"), env, dir).load();
        assertThat(s.string(Setting.ENGINE)).isEqualTo("terraform");
        assertThat(s.origin(Setting.ENGINE)).isEqualTo("flag");
        assertThat(s.string(Setting.REDIS_PORT)).isEqualTo("6400");
        assertThat(s.string(Setting.REDIS_HOST)).isEqualTo("config-host");
        assertThat(s.string(Setting.BUCKET_PREFIX)).isEqualTo("dotenv");
        assertThat(s.string(Setting.AWS_REGION)).isEqualTo("us-east-1");
        assertThat(s.origin(Setting.AWS_REGION)).isEqualTo("default");
    }

    @Test
    void secretsAreMaskedAndOnlyReachableThroughSecret() {
        Settings s = Settings.of(Map.of(Setting.REDIS_PASSWORD, "hunter2-very-secret"));
        assertThat(s.display(Setting.REDIS_PASSWORD)).isEqualTo("****");
        assertThat(s.secret(Setting.REDIS_PASSWORD).orElseThrow().toString()).isEqualTo("****");
        assertThat(s.secret(Setting.REDIS_PASSWORD).orElseThrow().reveal()).isEqualTo("hunter2-very-secret");
        assertThatThrownBy(() -> s.optional(Setting.REDIS_PASSWORD)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void malformedValuesNameTheSetting() {
        Settings s = Settings.of(Map.of(Setting.REDIS_PORT, "sixty", Setting.OFFLINE, "maybe"));
        assertThatThrownBy(() -> s.integer(Setting.REDIS_PORT)).hasMessageContaining("REDIS_PORT");
        assertThatThrownBy(() -> s.bool(Setting.OFFLINE)).hasMessageContaining("OFFLINE");
        assertThatThrownBy(() -> s.string(Setting.S3_ENDPOINT)).hasMessageContaining("S3_ENDPOINT is not set");
    }

    @Test
    void parsesEnvFilesWithCommentsExportsAndQuotes() {
        Map<String, String> values = SettingsLoader.parseEnvFile(List.of("# comment", "", "export A=1",
                "B=\"two words\"", "C='x=y'", "not a pair"));
        assertThat(values).containsExactly(Map.entry("A", "1"), Map.entry("B", "two words"), Map.entry("C", "x=y"));
    }
}
