package io.tenantprovisioning.engine.terraform;

import java.util.List;

/** What a backend can say about a held state lock, beyond what Terraform prints. */
public interface LockInspector {

    /** The backend type as in {@code backend "<type>" {}}. */
    String backendType();

    /** Whether {@code force-unlock} works for this backend (pg: no). */
    boolean supportsForceUnlock();

    /** The sessions holding the lock of {@code workspace}; empty when unknown. Must not throw. */
    List<LockHolder> holders(String workspace);

    /** For backends whose lock error already names the holder (s3, consul, …). */
    static LockInspector recordedBy(String backendType) {
        return new LockInspector() {
            public String backendType() {
                return backendType;
            }

            public boolean supportsForceUnlock() {
                return true;
            }

            public List<LockHolder> holders(String workspace) {
                return List.of();
            }
        };
    }
}
