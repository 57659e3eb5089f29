package io.tenantprovisioning.application;

import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.RunInProgressException;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.InvalidRequestException;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.RequestRow;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.request.TenantRequest;
import io.tenantprovisioning.validation.ValidationReport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * provision --from FILE: many requests, one a row, each through the same job as a single `provision`.
 * Every row is checked first (the same request validation, plus one tenant per file); an invalid row stops
 * everything before anything starts, unless skipped. Rows then run at most {@code parallelism} at a time;
 * a row that needs approval ends PENDING_APPROVAL at once and blocks nothing. Each row carries an
 * idempotency key (its own, else one derived from its values), so running the same file again replays
 * the rows that ran and runs the rest.
 */
public final class BatchProvisioning {

    public static final int MAX_PARALLELISM = 16;
    static final String STEP = "batch";

    private final PlatformGraph graph;
    private final Supplier<ProvisioningJob> jobs;

    BatchProvisioning(PlatformGraph graph, Supplier<ProvisioningJob> jobs) {
        this.graph = graph;
        this.jobs = jobs;
    }

    /** @throws InvalidRequestFileException when a row is invalid and {@code skipInvalid} is false */
    public BatchReport run(String file, List<RequestRow> rows, int parallelism, boolean skipInvalid, Actor requester,
                           EngineKind engine, ProgressListener progress) {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("--parallel must be 1-" + MAX_PARALLELISM + ", got " + parallelism);
        }
        Map<Integer, List<String>> invalid = check(rows);
        if (!invalid.isEmpty() && !skipInvalid) {
            List<String> problems = new ArrayList<>();
            invalid.forEach((line, list) -> list.forEach(p -> problems.add("line " + line + ": " + p)));
            throw new InvalidRequestFileException(file, problems);
        }
        ProgressListener shared = serialized(progress);
        Instant started = Instant.now();
        shared.event(STEP, rows.size() + " rows (" + invalid.size() + " invalid, skipped), " + parallelism
                + " at a time");
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "batch-row");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<BatchRowResult>> running = new ArrayList<>();
            for (RequestRow row : rows) {
                if (invalid.containsKey(row.line())) {
                    running.add(java.util.concurrent.CompletableFuture.completedFuture(new BatchRowResult(row.line(),
                            row.draft().name() == null ? "" : row.draft().name(), "INVALID", Duration.ZERO, "", 0,
                            false, BatchSeverity.INVALID, invalid.get(row.line()))));
                } else {
                    running.add(pool.submit(() -> runRow(row, requester, engine, shared)));
                }
            }
            List<BatchRowResult> results = new ArrayList<>();
            for (Future<BatchRowResult> future : running) {
                results.add(await(future));
            }
            return new BatchReport(file, parallelism, started, Instant.now(), results);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every row's problems by line: the request rules, and no tenant twice in one file. */
    private Map<Integer, List<String>> check(List<RequestRow> rows) {
        Map<Integer, List<String>> invalid = new java.util.LinkedHashMap<>();
        Map<String, Integer> firstLineOf = new HashMap<>();
        for (RequestRow row : rows) {
            List<String> problems = new ArrayList<>(row.problems());
            try {
                TenantRequest request = graph.services.validator().validate(row.draft());
                Integer first = firstLineOf.putIfAbsent(request.slug().value(), row.line());
                if (first != null) {
                    problems.add("tenant '" + request.slug() + "' is already requested on line " + first);
                }
            } catch (InvalidRequestException e) {
                problems.addAll(e.problems());
            }
            if (!problems.isEmpty()) {
                invalid.put(row.line(), problems);
            }
        }
        return invalid;
    }

    private BatchRowResult runRow(RequestRow row, Actor requester, EngineKind engine, ProgressListener progress) {
        RequestDraft draft = withKey(row.draft());
        Slug slug = Slug.fromName(draft.name().trim());
        ProgressListener tagged = (step, message) -> progress.event(step, "line " + row.line() + " " + slug + ": "
                + message);
        long start = System.nanoTime();
        try {
            PipelineOutcome outcome = jobs.get().run(draft, requester, engine, tagged);
            return result(row.line(), slug, outcome, Duration.ofNanos(System.nanoTime() - start));
        } catch (RunInProgressException e) {
            return failed(row.line(), slug, start, "LOCKED", BatchSeverity.LOCKED, e.getMessage());
        } catch (RuntimeException e) {
            // one row that cannot run must not stop the others
            return failed(row.line(), slug, start, "ERROR", BatchSeverity.FAILED,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private BatchRowResult result(int line, Slug slug, PipelineOutcome outcome, Duration elapsed) {
        TenantRecord tenant = graph.registry.tenants().require(slug);
        String state = tenant.state().name();
        ValidationReport report = outcome instanceof PipelineOutcome.Activated a ? a.report()
                : outcome instanceof PipelineOutcome.RolledBack r ? r.report() : null;
        String checks = report == null ? "" : report.count("PASSED") + "/" + report.results().size();
        List<String> notes = outcome instanceof PipelineOutcome.RolledBack r ? List.of(r.reason()) : List.of();
        return new BatchRowResult(line, slug.value(), state, elapsed, checks, tenant.cost().monthlyInr(),
                outcome instanceof PipelineOutcome.Replayed, severityOf(state), notes);
    }

    private static BatchRowResult failed(int line, Slug slug, long start, String state, BatchSeverity severity,
                                         String note) {
        return new BatchRowResult(line, slug.value(), state, Duration.ofNanos(System.nanoTime() - start), "", 0,
                false, severity, List.of(note));
    }

    static BatchSeverity severityOf(String state) {
        return switch (state) {
            case "ACTIVE", "DEGRADED", "OFFBOARDING", "OFFBOARDED" -> BatchSeverity.ACTIVE;
            case "REQUESTED", "PENDING_APPROVAL", "APPROVED", "PROVISIONING", "CONFIGURING", "VALIDATING" ->
                    BatchSeverity.WAITING;
            case "ROLLBACK_FAILED" -> BatchSeverity.INCOMPLETE;
            default -> BatchSeverity.FAILED;
        };
    }

    /** The row's own idempotency key, else one derived from its values: the same row replays, a changed one runs. */
    static RequestDraft withKey(RequestDraft d) {
        if (d.idempotencyKey() != null && !d.idempotencyKey().isBlank()) {
            return d;
        }
        String canonical = String.join("\u001f", String.valueOf(d.name()).trim(), String.valueOf(d.tier()),
                String.valueOf(d.region()), String.valueOf(d.budget()), String.valueOf(d.ownerEmail()),
                String.valueOf(d.classification()), String.valueOf(d.jurisdiction()),
                Boolean.toString(d.crossBorderTransfer()), String.valueOf(d.costCenter()));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            String key = "batch-row:" + HexFormat.of().formatHex(hash, 0, 16);
            return new RequestDraft(d.name(), d.tier(), d.region(), d.budget(), d.ownerEmail(), d.classification(),
                    d.jurisdiction(), d.crossBorderTransfer(), d.costCenter(), key);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static BatchRowResult await(Future<BatchRowResult> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the batch was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a row failed unexpectedly: " + e.getCause(), e.getCause());
        }
    }

    private static ProgressListener serialized(ProgressListener progress) {
        Object lock = new Object();
        return (step, message) -> {
            synchronized (lock) {
                progress.event(step, message);
            }
        };
    }
}
