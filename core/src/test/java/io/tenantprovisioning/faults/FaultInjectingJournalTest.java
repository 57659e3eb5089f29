package io.tenantprovisioning.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.engine.ProvisioningJournal;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.model.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The journal decorator fails before the write it is armed at, and nowhere else. */
class FaultInjectingJournalTest {

    /** Records each write it receives. */
    static final class RecordingJournal implements ProvisioningJournal {
        final List<String> writes = new ArrayList<>();

        @Override
        public long intend(ResourceKind kind, String name, String engine) {
            writes.add("intend " + kind.stepName());
            return 42;
        }

        @Override
        public void created(long entryId, CreatedResource resource, Map<String, String> tags) {
            writes.add("created " + entryId + " " + resource.kind().stepName());
        }
    }

    private final RecordingJournal journal = new RecordingJournal();

    private static CreatedResource created(ResourceKind kind) {
        return new CreatedResource(kind, "n", "id", Map.of(), Map.of());
    }

    @Test
    void delegatesWhenNothingMatches() {
        ProvisioningJournal wrapped = new FaultInjectingJournal(journal,
                FaultPlan.parse("journal-intend:redis=fail,journal-created:vector=fail,driver-create:postgres=fail"));
        assertThat(wrapped.intend(ResourceKind.POSTGRES, "t_acme", "direct")).isEqualTo(42);
        wrapped.created(42, created(ResourceKind.POSTGRES), Map.of());
        assertThat(journal.writes).containsExactly("intend postgres", "created 42 postgres");
    }

    @Test
    void intendFailsBeforeWritingTheIntent() {
        ProvisioningJournal wrapped = new FaultInjectingJournal(journal, FaultPlan.parse("journal-intend:redis=fail"));
        assertThatThrownBy(() -> wrapped.intend(ResourceKind.REDIS, "t_acme", "direct"))
                .isInstanceOf(InjectedFault.class).hasMessageContaining("journal-intend:redis");
        wrapped.created(7, created(ResourceKind.REDIS), Map.of());
        assertThat(journal.writes).containsExactly("created 7 redis");
    }

    @Test
    void createdFailsBeforeMarkingTheEntryCreated() {
        ProvisioningJournal wrapped = new FaultInjectingJournal(journal, FaultPlan.parse("journal-created:*=fail"));
        assertThat(wrapped.intend(ResourceKind.VECTOR, "tenant-acme", "direct")).isEqualTo(42);
        assertThatThrownBy(() -> wrapped.created(42, created(ResourceKind.VECTOR), Map.of()))
                .isInstanceOf(InjectedFault.class).hasMessageContaining("journal-created:vector");
        assertThat(journal.writes).containsExactly("intend vector");
    }
}
