package io.tenantprovisioning.registry;

import java.util.Optional;

/**
 * One pass over the audit log, oldest row first. Unkeyed rows (written before the chain was keyed)
 * may only come first: once a keyed row appears every later row must be keyed too, or the table's
 * owner could append rows, or rewrite the tail, as "old" unkeyed ones without the key.
 */
final class ChainWalk {

    private final RowHasher hasher;
    private final Optional<ExpectedHead> expectedHead;
    private String expectedPrev = AuditLog.GENESIS;
    private long previousId;
    private long rows;
    private long unkeyedRows;
    private long firstKeyedId;
    // keyed rows read while there is no key: counted, linked, never passed as verified
    private long unverifiedRows;
    // the stored hash of the row with the expected head's id, once read
    private String hashAtExpectedId;

    ChainWalk(RowHasher hasher, Optional<ExpectedHead> expectedHead) {
        this.hasher = hasher;
        this.expectedHead = expectedHead;
    }

    /** Checks the next row; empty while the chain holds, else the first row that breaks it. */
    Optional<ChainVerification.Broken> step(AuditRecord row) {
        Optional<String> fault = check(row);
        if (fault.isPresent()) {
            return Optional.of(new ChainVerification.Broken(row.id(), fault.get()));
        }
        if (expectedHead.isPresent() && expectedHead.get().id() == row.id()) {
            hashAtExpectedId = row.hash();
        }
        expectedPrev = row.hash();
        previousId = row.id();
        rows++;
        return Optional.empty();
    }

    /**
     * The verdict once every row passed {@link #step}. A missed head is reported even without the
     * key: the stored chain itself no longer holds the recorded row.
     */
    ChainVerification finish() {
        Optional<String> missed = expectedHead.flatMap(this::missedHead);
        if (missed.isPresent()) {
            return new ChainVerification.HeadMismatch(expectedHead.get(), previousId, expectedPrev, missed.get());
        }
        if (unverifiedRows > 0) {
            return new ChainVerification.KeyMissing(rows - unverifiedRows, firstKeyedId, previousId,
                    "AUDIT_HMAC_KEY is not set: rows #" + firstKeyedId + " to #" + previousId + " (" + unverifiedRows
                            + ") are keyed (HMAC-SHA256) and cannot be verified without it"
                            + (unkeyedRows == 0 ? "" : "; the " + unkeyedRows + " unkeyed rows before them verify"));
        }
        return new ChainVerification.Intact(rows, previousId, expectedPrev, unkeyedRows);
    }

    private Optional<String> missedHead(ExpectedHead head) {
        if (hashAtExpectedId != null) {
            return hashAtExpectedId.equals(head.hash()) ? Optional.empty()
                    : Optional.of("row " + head.id() + " now has hash " + hashAtExpectedId + ", not the recorded "
                            + head.hash() + ": the chain was rewritten at or before row " + head.id());
        }
        if (previousId >= head.id()) {
            return Optional.of("row " + head.id() + " is gone although the chain goes on to row " + previousId
                    + ": the chain was rewritten after the head was recorded");
        }
        return Optional.of((rows == 0 ? "the log is empty" : "the chain ends at row " + previousId)
                + ", before the recorded head #" + head.id()
                + ": rows were cut off its end (or the head was recorded on another registry)");
    }

    private Optional<String> check(AuditRecord row) {
        if (!row.hashAlg().keyed()) {
            if (firstKeyedId != 0) {
                return Optional.of("unkeyed row: row " + row.id() + " carries a plain sha256 hash but the chain is "
                        + "keyed from row " + firstKeyedId + " on; it was written or rewritten without AUDIT_HMAC_KEY");
            }
            unkeyedRows++;
        } else if (firstKeyedId == 0) {
            firstKeyedId = row.id();
        }
        if (!hasher.canHash(row.hashAlg())) {
            unverifiedRows++;
        } else if (!hasher.hash(row).equals(row.hash())) {
            return Optional.of("hash mismatch: row " + row.id() + " was changed after it was written"
                    + (row.id() == firstKeyedId ? " (it is the first keyed row: if it is unchanged, AUDIT_HMAC_KEY "
                    + "is not the key the log was written with)" : ""));
        }
        if (!row.prevHash().equals(expectedPrev)) {
            return Optional.of("prev_hash mismatch: row " + row.id() + " does not link to "
                    + (previousId == 0 ? "the start of the log" : "row " + previousId)
                    + "; a row between them was removed, or the chain was rewritten");
        }
        return Optional.empty();
    }
}
