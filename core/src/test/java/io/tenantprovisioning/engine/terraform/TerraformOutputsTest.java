package io.tenantprovisioning.engine.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TerraformOutputsTest {

    private static final String JSON = "{\"api_token\":{\"sensitive\":true,\"type\":\"string\",\"value\":\"tok-s3cr3t\"},"
            + "\"creds\":{\"sensitive\":true,\"type\":[\"object\",{\"k\":\"string\"}],\"value\":{\"k\":\"inner-s3cr3t\"}},"
            + "\"bucket_name\":{\"sensitive\":false,\"type\":\"string\",\"value\":\"tenant-acme\"},"
            + "\"qpm\":{\"sensitive\":false,\"type\":\"number\",\"value\":120},"
            + "\"tags\":{\"sensitive\":false,\"type\":[\"map\",\"string\"],\"value\":{\"Tier\":\"Gold\"}}}";

    private TerraformOutputs outputs() throws Exception {
        return TerraformOutputs.fromOutputJson(new ObjectMapper().readTree(JSON));
    }

    @Test
    void plainValuesAsText() throws Exception {
        TerraformOutputs o = outputs();
        assertThat(o.text("bucket_name")).isEqualTo("tenant-acme");
        assertThat(o.text("qpm")).isEqualTo("120");
        assertThat(o.text("tags")).isEqualTo("{\"Tier\":\"Gold\"}");
        assertThat(o.plainTexts()).containsOnlyKeys("bucket_name", "qpm", "tags");
    }

    @Test
    void sensitiveValuesOnlyAsSecrets() throws Exception {
        TerraformOutputs o = outputs();
        assertThat(o.secret("api_token").reveal()).isEqualTo("tok-s3cr3t");
        assertThat(o.secret("creds").reveal()).isEqualTo("{\"k\":\"inner-s3cr3t\"}");
        assertThat(o.secrets()).containsOnlyKeys("api_token", "creds");
        assertThatThrownBy(() -> o.text("api_token")).isInstanceOf(TerraformException.class)
                .hasMessageNotContaining("tok-s3cr3t");
        assertThatThrownBy(() -> o.secret("bucket_name")).isInstanceOf(TerraformException.class);
        assertThatThrownBy(() -> o.text("missing")).hasMessageContaining("no output 'missing'");
    }

    @Test
    void nothingPrintsASensitiveValue() throws Exception {
        TerraformOutputs o = outputs();
        String printed = o + " " + o.all() + " " + o.secrets() + " " + o.get("api_token").orElseThrow()
                + " " + o.get("creds").orElseThrow();
        assertThat(printed).doesNotContain("s3cr3t").contains("api_token");
    }
}
