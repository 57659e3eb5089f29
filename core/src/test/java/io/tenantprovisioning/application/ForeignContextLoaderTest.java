package io.tenantprovisioning.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.ForeignContextLoader;
import io.tenantprovisioning.testing.TestServices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForeignContextLoaderTest {

    @TempDir
    Path dataDir;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @Test
    void theWholeJobRunsUnderAContextLoaderThatCannotSeeTheEngine() throws Exception {
        Slug slug = TestServices.uniqueSlug("tccl");
        Settings settings = TestServices.settings().with(Map.of(Setting.DATA_DIR, dataDir.toString()));
        ForeignContextLoader.call(() -> {
            try (TenantPlatform platform = TenantPlatform.open(settings, (s, m) -> log.add(s + ": " + m))) {
                PipelineOutcome outcome = platform.job().run(new RequestDraft(slug.value(), "bronze", "us-east-1",
                        "500000", "owner@acme.example", "INTERNAL", "NONE", false, null, null), "test",
                        EngineKind.DIRECT, (s, m) -> log.add(s + ": " + m));
                assertThat(outcome).as(String.join("\n", log)).isInstanceOf(PipelineOutcome.Activated.class);
                assertThat(platform.offboard(slug, (s, m) -> log.add(s + ": " + m)).complete()).isTrue();
            }
            return null;
        });
    }
}
