package io.tenantprovisioning.resource.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantprovisioning.request.Slug;
import org.junit.jupiter.api.Test;

class NamingAndPolicyTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void bucketNamesRoundTripToTheSlug() {
        BucketNaming naming = new BucketNaming("tenant");
        assertThat(naming.bucketOf(Slug.of("acme-corp"))).isEqualTo("tenant-acme-corp");
        assertThat(naming.slugOf("tenant-acme-corp")).contains(Slug.of("acme-corp"));
        assertThat(naming.slugOf("other-acme-corp")).isEmpty();
        assertThat(naming.slugOf("tenant-Not_A_Slug")).isEmpty();
        String longest = naming.bucketOf(Slug.of("a".repeat(Slug.MAX_LENGTH)));
        assertThat(longest.length()).isLessThanOrEqualTo(63);
    }

    @Test
    void prefixesThatCouldBreakS3NamesAreRejected() {
        for (String bad : new String[] {"", "Tenant", "ten_ant", "-t", "t-", "x".repeat(31), "xn--a", "sthree-x"}) {
            assertThatThrownBy(() -> new BucketNaming(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("BUCKET_PREFIX");
        }
        assertThat(new BucketNaming("x".repeat(BucketNaming.MAX_PREFIX_LENGTH)).prefix()).hasSize(30);
    }

    /** Issue #15 item 5: object actions only; it used to be {@code s3:*} on the bucket and its objects. */
    @Test
    void theIdentityPolicyCoversOnlyTheBucketAndItsObjects() throws Exception {
        JsonNode statements = json.readTree(PolicyDocuments.tenantIdentityPolicy("tenant-acme")).get("Statement");

        assertThat(statements).allSatisfy(s -> assertThat(s.get("Effect").asText()).isEqualTo("Allow"));
        assertThat(statements.get(0).get("Action")).extracting(JsonNode::asText).containsExactly("s3:ListBucket");
        assertThat(statements.get(0).get("Resource")).extracting(JsonNode::asText)
                .containsExactly("arn:aws:s3:::tenant-acme");
        assertThat(statements.get(1).get("Action")).extracting(JsonNode::asText)
                .containsExactly("s3:GetObject", "s3:PutObject", "s3:DeleteObject");
        assertThat(statements.get(1).get("Resource")).extracting(JsonNode::asText)
                .containsExactly("arn:aws:s3:::tenant-acme/*");
        assertThat(statements).hasSize(2);
    }

    @Test
    void theBucketPolicyDeniesEveryoneButTheTenantAndTheAdmin() throws Exception {
        JsonNode statement = json.readTree(PolicyDocuments.denyOtherPrincipals("tenant-acme",
                "arn:aws:iam::123456789012:user/tenantctl/tenant-acme", "arn:aws:iam::123456789012:user/admin"))
                .get("Statement").get(0);

        assertThat(statement.get("Effect").asText()).isEqualTo("Deny");
        assertThat(statement.get("Principal").asText()).isEqualTo("*");
        assertThat(statement.get("Resource")).extracting(JsonNode::asText)
                .containsExactly("arn:aws:s3:::tenant-acme", "arn:aws:s3:::tenant-acme/*");
        assertThat(statement.at("/Condition/ArnNotEquals/aws:PrincipalArn")).extracting(JsonNode::asText)
                .containsExactly("arn:aws:iam::123456789012:user/tenantctl/tenant-acme",
                        "arn:aws:iam::123456789012:user/admin");
    }
}
