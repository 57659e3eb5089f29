package io.tenantprovisioning.application;

import io.tenantprovisioning.progress.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One piece of fleet work per tenant (re-validation, rotation) on a bounded pool of daemon worker threads,
 * the results in the tenants' order. Each piece takes its tenant's run lock itself, so tenants run side by
 * side and never one tenant twice.
 */
final class TenantWorkers {

    private TenantWorkers() {
    }

    static <T, R> List<R> run(List<T> tenants, int parallelism, String threadName, Function<T, R> work) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, tenants.size())),
                threads(threadName));
        try {
            List<Future<R>> running = new ArrayList<>();
            for (T tenant : tenants) {
                running.add(pool.submit(() -> work.apply(tenant)));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> future : running) {
                results.add(await(future, threadName));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The listener, one event at a time: the workers' lines never interleave. */
    static ProgressListener serialized(ProgressListener progress) {
        Object lock = new Object();
        return (step, message) -> {
            synchronized (lock) {
                progress.event(step, message);
            }
        };
    }

    private static <R> R await(Future<R> future, String what) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " of a tenant failed: " + e.getCause(), e.getCause());
        }
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
