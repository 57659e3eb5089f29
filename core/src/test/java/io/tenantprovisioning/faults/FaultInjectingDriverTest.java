package io.tenantprovisioning.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ManagedResource;
import io.tenantprovisioning.resource.ResourceDescription;
import io.tenantprovisioning.resource.ResourceDriver;
import io.tenantprovisioning.resource.TenantResourceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The driver decorator fails exactly at its armed point, delegates everything else unchanged. */
class FaultInjectingDriverTest {

    private static final Slug SLUG = Slug.of("acme-corp");
    private static final TenantResourceSpec SPEC = new TenantResourceSpec(SLUG, Map.of("TenantID", "acme-corp"), null);

    /** Records each call it receives; returns fixed answers. */
    static final class RecordingDriver implements ResourceDriver {
        final List<String> calls = new ArrayList<>();
        final ResourceKind kind;

        RecordingDriver(ResourceKind kind) {
            this.kind = kind;
        }

        @Override
        public ResourceKind kind() {
            return kind;
        }

        @Override
        public CreatedResource create(TenantResourceSpec spec) {
            calls.add("create " + spec.slug());
            return new CreatedResource(kind, "t_acme_corp", "id-1", Map.of(), Map.of());
        }

        @Override
        public Optional<ResourceDescription> describe(Slug slug) {
            calls.add("describe " + slug);
            return Optional.of(new ResourceDescription(kind, "t_acme_corp", "id-1", Map.of()));
        }

        @Override
        public void destroy(Slug slug) {
            calls.add("destroy " + slug);
        }

        @Override
        public List<ManagedResource> listManaged() {
            calls.add("list");
            return List.of(new ManagedResource(kind, "t_acme_corp", "acme-corp"));
        }
    }

    private final RecordingDriver redis = new RecordingDriver(ResourceKind.REDIS);

    private ResourceDriver armed(String spec) {
        return new FaultInjectingDriver(redis, FaultPlan.parse(spec));
    }

    private static void exercise(ResourceDriver driver) throws Exception {
        driver.create(SPEC);
        driver.describe(SLUG);
        driver.destroy(SLUG);
        driver.listManaged();
    }

    @Test
    void delegatesEverythingWhenNothingMatches() throws Exception {
        ResourceDriver driver = armed(
                "driver-create:postgres=fail,driver-destroy:vector=fail,journal-intend:redis=fail");
        assertThat(driver.kind()).isEqualTo(ResourceKind.REDIS);
        assertThat(driver.create(SPEC).identifier()).isEqualTo("id-1");
        assertThat(driver.describe(SLUG)).isPresent();
        driver.destroy(SLUG);
        assertThat(driver.listManaged()).hasSize(1);
        assertThat(redis.calls).containsExactly("create acme-corp", "describe acme-corp", "destroy acme-corp", "list");
    }

    @Test
    void createFailsBeforeTheDelegateCreates() {
        ResourceDriver driver = armed("driver-create:redis=fail");
        assertThatThrownBy(() -> driver.create(SPEC)).isInstanceOf(InjectedFault.class)
                .hasMessageContaining("driver-create:redis");
        assertThat(redis.calls).isEmpty();
    }

    @Test
    void afterCreateFailsOnlyOnceTheDelegateHasCreated() {
        ResourceDriver driver = armed("driver-after-create:redis=fail");
        assertThatThrownBy(() -> driver.create(SPEC)).isInstanceOf(InjectedFault.class)
                .hasMessageContaining("driver-after-create:redis");
        assertThat(redis.calls).containsExactly("create acme-corp");
    }

    @Test
    void destroyFailsBeforeTheDelegateDestroysAndAfterDestroyAfterwards() {
        assertThatThrownBy(() -> armed("driver-destroy:redis=fail").destroy(SLUG))
                .isInstanceOf(InjectedFault.class).hasMessageContaining("driver-destroy:redis");
        assertThat(redis.calls).isEmpty();
        assertThatThrownBy(() -> armed("driver-after-destroy:*=fail").destroy(SLUG))
                .isInstanceOf(InjectedFault.class).hasMessageContaining("driver-after-destroy:redis");
        assertThat(redis.calls).containsExactly("destroy acme-corp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"driver-create", "driver-after-create", "driver-describe", "driver-destroy",
        "driver-after-destroy", "driver-list"})
    void eachSiteFailsItsOwnCallAndNoOther(String site) {
        ResourceDriver driver = armed(site + ":redis=fail");
        List<String> failed = new ArrayList<>();
        for (String call : List.of("create", "describe", "destroy", "list")) {
            try {
                switch (call) {
                    case "create" -> driver.create(SPEC);
                    case "describe" -> driver.describe(SLUG);
                    case "destroy" -> driver.destroy(SLUG);
                    default -> driver.listManaged();
                }
            } catch (InjectedFault e) {
                failed.add(call);
                assertThat(e.point().toString()).isEqualTo(site + ":redis");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        assertThat(failed).containsExactly(site.replace("driver-", "").replace("after-", ""));
    }

    @Test
    void failTimesLetsALaterRetryComplete() throws Exception {
        ResourceDriver driver = armed("driver-destroy:redis=fail-times:1");
        assertThatThrownBy(() -> driver.destroy(SLUG)).isInstanceOf(InjectedFault.class);
        assertThatCode(() -> driver.destroy(SLUG)).doesNotThrowAnyException();
        assertThat(redis.calls).containsExactly("destroy acme-corp");
        exercise(driver);
    }
}
