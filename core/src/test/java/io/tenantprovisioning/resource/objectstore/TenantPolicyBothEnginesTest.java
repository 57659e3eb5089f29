package io.tenantprovisioning.resource.objectstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Both engines hand the tenant the same S3 permissions (issue #15 item 5): the user policy of
 * {@code terraform/modules/object_store} grants exactly {@link PolicyDocuments}' actions, bucket-level
 * ones on the bucket ARN and object ones on its objects. Read from the HCL text: the module is never
 * applied here (no provider), so its policy document is compared as written.
 */
class TenantPolicyBothEnginesTest {

    private static final Path MODULE = Path.of("").toAbsolutePath().getParent()
            .resolve("terraform/modules/object_store/main.tf");
    private static final Pattern STATEMENT = Pattern.compile(
            "statement\\s*\\{[^}]*?actions\\s*=\\s*\\[([^]]*)]\\s*resources\\s*=\\s*\\[([^]]*)]", Pattern.DOTALL);

    @Test
    void theTerraformModuleGrantsWhatTheDirectEngineGrants() throws Exception {
        String hcl = Files.readString(MODULE);
        Map<String, List<String>> terraform = actionsByResource(tenantPolicyBlock(hcl));

        // the ARN is built from the bucket's name (known at plan time, so a re-plan stays empty)
        assertThat(hcl).contains("bucket_arn = \"arn:${data.aws_partition.current.partition}:s3:::${var.bucket_name}\"")
                .containsPattern("bucket\\s+=\\s+var\\.bucket_name");
        assertThat(terraform).containsExactly(
                Map.entry("local.bucket_arn", PolicyDocuments.BUCKET_ACTIONS),
                Map.entry("\"${local.bucket_arn}/*\"", PolicyDocuments.OBJECT_ACTIONS));
    }

    /** The text of {@code data "aws_iam_policy_document" "tenant" { … }}, up to the next top-level block. */
    private static String tenantPolicyBlock(String hcl) {
        int start = hcl.indexOf("data \"aws_iam_policy_document\" \"tenant\"");
        assertThat(start).as("the tenant user's policy document in " + MODULE).isNotNegative();
        int end = hcl.indexOf("\nresource ", start);
        return hcl.substring(start, end < 0 ? hcl.length() : end);
    }

    private static Map<String, List<String>> actionsByResource(String block) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Matcher m = STATEMENT.matcher(block);
        while (m.find()) {
            List<String> actions = new ArrayList<>();
            for (String action : m.group(1).split(",")) {
                actions.add(action.trim().replace("\"", ""));
            }
            out.put(m.group(2).trim(), actions);
        }
        return out;
    }
}
