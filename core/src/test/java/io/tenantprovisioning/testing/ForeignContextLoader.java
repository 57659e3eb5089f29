package io.tenantprovisioning.testing;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs work the way a host such as Jenkins runs a plugin's code: on a thread of its own whose context
 * class loader cannot see this project's classes nor its libraries (here: an empty loader over the
 * platform classes). Code that finds drivers, SPI implementations or resources through the context
 * loader fails under it; code that names its own loader does not.
 */
public final class ForeignContextLoader {

    private ForeignContextLoader() {
    }

    /** A loader that sees the JDK's platform modules and nothing of the application. */
    public static ClassLoader blind() {
        return new URLClassLoader("foreign-context", new URL[0], ClassLoader.getPlatformClassLoader());
    }

    /** Runs {@code work} on a new thread whose context loader is {@link #blind()}; rethrows its failure. */
    public static <T> T call(Callable<T> work) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "foreign-context-loader");
            t.setContextClassLoader(blind());
            return t;
        });
        try {
            Future<T> result = pool.submit(work);
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }
}
