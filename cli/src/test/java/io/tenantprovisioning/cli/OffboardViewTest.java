package io.tenantprovisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.engine.SweepReport;
import io.tenantprovisioning.application.OffboardingResult;
import io.tenantprovisioning.application.TeardownResult;
import io.tenantprovisioning.model.TenantState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What offboard prints when the sweep left resources (exit 5): every survivor, and what to do next. */
class OffboardViewTest {

    private final OffboardingResult dirty = new OffboardingResult(
            new TeardownResult("acme-corp", TenantState.OFFBOARDING, List.of("redis: connection refused"),
                    new SweepReport(List.of(), List.of(), List.of("redis t_acme-corp", "vector tenant-acme-corp"),
                            List.of("redis: could not delete ACL user"), false)),
            Optional.empty(), 12, 1);

    @Test
    void anIncompleteSweepListsEverySurvivorAndTheWayOn() {
        StringWriter text = new StringWriter();
        OffboardView.print(dirty, new PrintWriter(text, true));

        assertThat(text.toString()).contains("tenant acme-corp is OFFBOARDING",
                "destroy error: redis: connection refused",
                "sweep: 2 resources survive:", "  - redis t_acme-corp", "  - vector tenant-acme-corp",
                "error: redis: could not delete ACL user", "run `tenantctl offboard acme-corp --yes` again",
                "kept: the registry row, 1 approvals, 12 audit rows");
        assertThat(dirty.complete()).isFalse();
    }

    @Test
    void jsonNamesTheSurvivors() {
        Map<String, Object> json = OffboardView.toJson(dirty);

        assertThat(json).containsEntry("state", "OFFBOARDING").containsEntry("complete", false)
                .containsEntry("survivors", List.of("redis t_acme-corp", "vector tenant-acme-corp"))
                .containsEntry("export", null);
    }
}
