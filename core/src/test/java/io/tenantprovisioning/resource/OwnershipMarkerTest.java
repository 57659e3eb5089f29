package io.tenantprovisioning.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.model.RegistryId;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.OwnershipMarker.Ownership;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How a resource's tags read to one registry, and what create and destroy do with each reading. */
class OwnershipMarkerTest {

    private final OwnershipMarker production = new OwnershipMarker(new RegistryId(UUID.randomUUID()));
    private final OwnershipMarker staging = new OwnershipMarker(new RegistryId(UUID.randomUUID()));
    private final Slug acme = Slug.of("acme-corp");

    @Test
    void onlyTheRegistryThatStampedAResourceOwnsIt() throws Exception {
        Map<String, String> stamped = production.stamp(Map.of("Tier", "Gold", "TenantID", "forged"), acme);

        assertThat(stamped).containsEntry("TenantID", "acme-corp").containsEntry("ManagedBy", "tenantctl")
                .containsEntry(OwnershipMarker.REGISTRY_TAG, production.registry().toString());
        assertThat(production.of(stamped, acme)).isEqualTo(Ownership.OURS);
        assertThat(production.carries(stamped)).isTrue();
        assertThat(production.mayDestroy("x", stamped, acme)).isTrue();
        production.requireOurs("x", stamped, acme);

        assertThat(staging.of(stamped, acme)).isEqualTo(Ownership.OTHER_REGISTRY);
        assertThat(staging.carries(stamped)).isFalse();
        assertThat(staging.describes(stamped, acme)).isFalse();
        assertThat(staging.mayDestroy("x", stamped, acme)).isFalse();
        assertThatThrownBy(() -> staging.requireOurs("bucket b", stamped, acme)).isInstanceOf(ResourceException.class)
                .hasMessageContaining("another tenantctl registry (" + production.registry() + ")")
                .hasMessageContaining("nothing was changed");
    }

    @Test
    void anythingWithoutTheMarkerIsNeitherTakenOverNorDeleted() throws Exception {
        for (Map<String, String> tags : java.util.List.of(Map.<String, String>of(), Map.of("Owner", "ops"))) {
            assertThat(production.of(tags, acme)).isEqualTo(Ownership.UNMARKED);
            assertThat(production.mayDestroy("x", tags, acme)).isFalse();
            assertThat(production.describes(tags, acme)).isFalse();
            assertThatThrownBy(() -> production.requireOurs("role t_acme_corp", tags, acme))
                    .hasMessageContaining("without tenantctl's ownership marker");
        }
        Map<String, String> otherTenant = production.stamp(Map.of(), Slug.of("globex"));
        assertThat(production.of(otherTenant, acme)).isEqualTo(Ownership.OTHER_TENANT);
        assertThat(production.mayDestroy("x", otherTenant, acme)).isFalse();
        assertThat(production.of(Map.of("ManagedBy", "terraform"), acme)).isEqualTo(Ownership.OTHER_MANAGER);
    }

    @Test
    void aResourceFromBeforeRegistryMarkersIsRefusedLoudlyBothWays() {
        Map<String, String> legacy = Map.of("TenantID", "acme-corp", "ManagedBy", "tenantctl");

        assertThat(production.of(legacy, acme)).isEqualTo(Ownership.PRE_REGISTRY);
        assertThat(production.describes(legacy, acme)).as("validation still reads it").isTrue();
        assertThat(production.carries(legacy)).as("the orphan sweep never lists it").isFalse();
        assertThatThrownBy(() -> production.requireOurs("schema t_acme_corp", legacy, acme))
                .hasMessageContaining("from before registry markers").hasMessageContaining("nothing was changed");
        assertThatThrownBy(() -> production.mayDestroy("schema t_acme_corp", legacy, acme))
                .hasMessageContaining("from before registry markers").hasMessageContaining("it was not deleted");
    }
}
