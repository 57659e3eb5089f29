package io.tenantprovisioning.engine.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Lines as OpenTofu 1.11.14 printed them (captured from the fixture module), and their readable form. */
class UiEventParserTest {

    private final UiEventParser parser = new UiEventParser(new ObjectMapper());

    @Test
    void version() {
        UiEvent e = parser.parse("{\"@level\":\"info\",\"@message\":\"OpenTofu 1.11.14\",\"@module\":\"tofu.ui\","
                + "\"@timestamp\":\"2026-11-29T21:38:58.059987Z\",\"tofu\":\"1.11.14\",\"type\":\"version\",\"ui\":\"1.2\"}");
        assertThat(e).isEqualTo(new UiEvent.Version("OpenTofu", "1.11.14", "1.2"));
        assertThat(e.describe()).isEqualTo("OpenTofu 1.11.14 (machine-readable UI 1.2)");
    }

    @Test
    void terraformVersionKey() {
        UiEvent e = parser.parse(
                "{\"@message\":\"Terraform 1.9.0\",\"terraform\":\"1.9.0\",\"type\":\"version\",\"ui\":\"1.2\"}");
        assertThat(e.describe()).isEqualTo("Terraform 1.9.0 (machine-readable UI 1.2)");
    }

    @Test
    void plannedChange() {
        UiEvent e = parser.parse("{\"@level\":\"info\",\"@message\":\"terraform_data.extra[0]: Plan to create\","
                + "\"change\":{\"resource\":{\"addr\":\"terraform_data.extra[0]\",\"module\":\"\",\"resource\":"
                + "\"terraform_data.extra[0]\",\"implied_provider\":\"terraform\",\"resource_type\":\"terraform_data\","
                + "\"resource_name\":\"extra\",\"resource_key\":0},\"action\":\"create\"},\"type\":\"planned_change\"}");
        assertThat(e.describe()).isEqualTo("+ create terraform_data.extra[0]");
    }

    @Test
    void replaceWithReason() {
        UiEvent e = parser.parse("{\"change\":{\"resource\":{\"addr\":\"terraform_data.k\"},\"action\":\"replace\","
                + "\"reason\":\"cannot_update\"},\"type\":\"planned_change\"}");
        assertThat(e.describe()).isEqualTo("-/+ replace terraform_data.k (because cannot update)");
    }

    @Test
    void applyCompleteWithElapsedSeconds() {
        UiEvent e = parser.parse("{\"@message\":\"terraform_data.bucket: Creation complete after 0s [id=2ae5]\","
                + "\"hook\":{\"resource\":{\"addr\":\"terraform_data.bucket\"},\"action\":\"create\",\"id_key\":\"id\","
                + "\"id_value\":\"2ae5\",\"elapsed_seconds\":3},\"type\":\"apply_complete\"}");
        assertThat(e).isInstanceOf(UiEvent.ApplyHook.class);
        assertThat(e.type()).isEqualTo("apply_complete");
        assertThat(e.describe()).isEqualTo("terraform_data.bucket: create complete after 3 s [id=2ae5]");
    }

    @Test
    void applyStartProgressAndErrored() {
        assertThat(parser.parse("{\"hook\":{\"resource\":{\"addr\":\"a.b\"},\"action\":\"delete\"},\"type\":\"apply_start\"}")
                .describe()).isEqualTo("a.b: delete started");
        assertThat(parser.parse("{\"hook\":{\"resource\":{\"addr\":\"a.b\"},\"action\":\"create\",\"elapsed_seconds\":10},"
                + "\"type\":\"apply_progress\"}").describe()).isEqualTo("a.b: still create (10 s elapsed)");
        assertThat(parser.parse("{\"hook\":{\"resource\":{\"addr\":\"a.b\"},\"action\":\"create\",\"elapsed_seconds\":1.25},"
                + "\"type\":\"apply_errored\"}").describe()).isEqualTo("a.b: create FAILED after 1.3 s");
    }

    @Test
    void changeSummaryForPlanAndApply() {
        assertThat(parser.parse("{\"changes\":{\"add\":5,\"change\":1,\"import\":0,\"remove\":2,\"forget\":0,"
                + "\"operation\":\"plan\"},\"type\":\"change_summary\"}").describe())
                .isEqualTo("plan: 5 to add, 1 to change, 2 to destroy");
        assertThat(parser.parse("{\"changes\":{\"add\":0,\"change\":0,\"import\":0,\"remove\":4,\"forget\":0,"
                + "\"operation\":\"destroy\"},\"type\":\"change_summary\"}").describe())
                .isEqualTo("destroy complete: 0 added, 0 changed, 4 destroyed");
    }

    @Test
    void outputsEventKeepsNamesButNeverValues() {
        String line = "{\"@message\":\"Outputs: 2\",\"outputs\":{\"api_token\":{\"sensitive\":true,\"type\":\"string\","
                + "\"value\":\"tok-very-secret-value\"},\"bucket_name\":{\"sensitive\":false,\"type\":\"string\","
                + "\"value\":\"tenant-acme\"}},\"type\":\"outputs\"}";
        UiEvent e = parser.parse(line);
        assertThat(e.describe()).isEqualTo("outputs: api_token (sensitive), bucket_name");
        assertThat(e.toString()).doesNotContain("tok-very-secret-value").doesNotContain("tenant-acme");
    }

    @Test
    void diagnosticWithSeveritySummaryDetailAndFileLine() {
        UiEvent e = parser.parse("{\"@level\":\"error\",\"@message\":\"Error: Resource precondition failed\","
                + "\"diagnostic\":{\"severity\":\"error\",\"summary\":\"Resource precondition failed\",\"detail\":"
                + "\"The gate refuses on purpose.\",\"address\":\"terraform_data.gate[0]\",\"range\":{\"filename\":\"main.tf\","
                + "\"start\":{\"line\":43,\"column\":23,\"byte\":1123},\"end\":{\"line\":43,\"column\":69,\"byte\":1169}}},"
                + "\"type\":\"diagnostic\"}");
        assertThat(e.describe()).isEqualTo(
                "error: Resource precondition failed (main.tf:43, terraform_data.gate[0]): The gate refuses on purpose.");
    }

    @Test
    void warningWithoutRangeAndMultiLineDetail() {
        UiEvent e = parser.parse("{\"diagnostic\":{\"severity\":\"warning\",\"summary\":\"Deprecated\",\"detail\":"
                + "\"line one\\n\\n  line two\"},\"type\":\"diagnostic\"}");
        assertThat(e.describe()).isEqualTo("warning: Deprecated: line one line two");
    }

    @Test
    void provisionerOutput() {
        assertThat(parser.parse("{\"hook\":{\"resource\":{\"addr\":\"terraform_data.slow[0]\"},\"provisioner\":\"local-exec\","
                + "\"output\":\"Executing: [/bin/sh -c sleep 5]\"},\"type\":\"provision_progress\"}").describe())
                .isEqualTo("terraform_data.slow[0]: local-exec: Executing: [/bin/sh -c sleep 5]");
        assertThat(parser.parse("{\"hook\":{\"resource\":{\"addr\":\"x.y\"},\"provisioner\":\"local-exec\"},"
                + "\"type\":\"provision_start\"}").describe()).isEqualTo("x.y: provisioner local-exec start");
    }

    @Test
    void unknownTypeShowsItsMessage() {
        UiEvent e = parser.parse("{\"@message\":\"something new happened\",\"type\":\"brand_new_type\"}");
        assertThat(e).isEqualTo(new UiEvent.Other("brand_new_type", "something new happened"));
        assertThat(e.describe()).isEqualTo("something new happened");
    }

    @Test
    void nonJsonLineIsKeptAsText() {
        UiEvent e = parser.parse("panic: something broke");
        assertThat(e).isEqualTo(new UiEvent.Other("text", "panic: something broke"));
    }
}
