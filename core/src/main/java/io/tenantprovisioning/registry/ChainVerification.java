package io.tenantprovisioning.registry;

/** The result of checking the audit log's hash chain from its first row to its last. */
public sealed interface ChainVerification {

    boolean ok();

    /**
     * Every row links to the one before it and matches its hash. {@code headHash} (the last row's
     * hash) can be written down elsewhere: a chain rewritten from some row on changes it.
     * {@code unkeyedRows} is how many rows, from the first, carry an unkeyed sha256 hash (written
     * before the chain was keyed): those show accidents, not a rewrite by the table's owner.
     */
    record Intact(long rowsChecked, long headId, String headHash, long unkeyedRows) implements ChainVerification {

        /** A chain keyed from its first row. */
        public Intact(long rowsChecked, long headId, String headHash) {
            this(rowsChecked, headId, headHash, 0);
        }

        public long keyedRows() {
            return rowsChecked - unkeyedRows;
        }

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

    /**
     * The chain does not reach the head recorded elsewhere unchanged: rows were cut off its end, or
     * it was rewritten up to that head. {@code headId}/{@code headHash}: where the stored chain ends now.
     */
    record HeadMismatch(ExpectedHead expected, long headId, String headHash, String reason)
            implements ChainVerification {
        @Override
        public boolean ok() {
            return false;
        }
    }

    /**
     * Not verified: rows from {@code keyedFrom} to {@code headId} are keyed and AUDIT_HMAC_KEY is not
     * set. Nothing wrong was found in the {@code rowsVerified} rows before them, which proves nothing
     * about the rest: a configuration problem, never a pass.
     */
    record KeyMissing(long rowsVerified, long keyedFrom, long headId, String reason) implements ChainVerification {
        @Override
        public boolean ok() {
            return false;
        }
    }
}
