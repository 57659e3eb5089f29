package io.tenantprovisioning.engine.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PlanSummaryTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private PlanSummary parse(String json) throws Exception {
        return PlanSummary.fromShowJson(mapper.readTree(json), "abc");
    }

    private static String change(String address, String actions) {
        return "{\"address\":\"" + address + "\",\"mode\":\"managed\",\"type\":\"t\",\"name\":\"n\","
                + "\"change\":{\"actions\":" + actions + ",\"before\":null,\"after\":{\"password\":\"hunter2\"}}}";
    }

    @Test
    void classifiesEveryActionList() throws Exception {
        PlanSummary s = parse("{\"format_version\":\"1.2\",\"resource_changes\":["
                + change("a.create", "[\"create\"]") + "," + change("a.update", "[\"update\"]") + ","
                + change("a.delete", "[\"delete\"]") + "," + change("a.dbc", "[\"delete\",\"create\"]") + ","
                + change("a.cbd", "[\"create\",\"delete\"]") + "," + change("a.noop", "[\"no-op\"]") + ","
                + change("a.read", "[\"read\"]") + "," + change("a.forget", "[\"forget\"]") + "]}");
        assertThat(s.creates()).containsExactly("a.create");
        assertThat(s.updates()).containsExactly("a.update");
        assertThat(s.deletes()).containsExactly("a.delete");
        assertThat(s.replaces()).containsExactly("a.dbc", "a.cbd");
        assertThat(s.others()).extracting(ResourceChange::address).containsExactly("a.forget");
        assertThat(s.hasChanges()).isTrue();
        assertThat(s.planSha256()).isEqualTo("abc");
        assertThat(s.describe()).contains("+ create  a.create", "-/+ replace a.cbd", "- delete  a.delete",
                "1 to create, 1 to update, 2 to replace, 1 to delete");
        assertThat(s.toString()).doesNotContain("hunter2");
    }

    @Test
    void onlyNoOpsAndReadsIsNoChange() throws Exception {
        PlanSummary s = parse("{\"format_version\":\"1.2\",\"resource_changes\":["
                + change("a.noop", "[\"no-op\"]") + "," + change("d.read", "[\"read\"]") + "]}");
        assertThat(s.hasChanges()).isFalse();
        assertThat(parse("{\"format_version\":\"1.0\"}").changes()).isEmpty();
    }

    @Test
    void unknownFormatMajorIsRefused() {
        assertThatThrownBy(() -> parse("{\"format_version\":\"2.0\",\"resource_changes\":[]}"))
                .isInstanceOf(TerraformException.class).hasMessageContaining("format_version '2.0'");
    }
}
