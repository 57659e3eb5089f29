package io.tenantprovisioning.registry;

/** The result of checking the audit log's hash chain from its first row to its last. */
public sealed interface ChainVerification {

    boolean ok();

    /**
     * Every row links to the one before it and matches its hash. {@code headHash} (the last row's
     * hash) can be written down elsewhere: a chain rewritten from some row on changes it.
     */
    record Intact(long rowsChecked, long headId, String headHash) implements ChainVerification {
        @Override
        public boolean ok() {
            return true;
        }
    }

    /** The first row that does not verify, and why. */
    record Broken(long rowId, String reason) implements ChainVerification {
        @Override
        public boolean ok() {
            return false;
        }
    }
}
