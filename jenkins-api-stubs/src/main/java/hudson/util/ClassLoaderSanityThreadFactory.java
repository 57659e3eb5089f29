package hudson.util;

import java.net.URL;
import java.net.URLClassLoader;
import java.security.CodeSource;
import java.util.concurrent.ThreadFactory;

/*
 * Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt (compile-only, never packaged).
 *
 * Upstream sets each new thread's context class loader to the loader of this class, i.e. Jenkins
 * core's: it sees core and core's libraries, never a plugin's classes or the plugin's own libraries.
 * Here the copies share the application class loader with the plugin and core, so "the loader of this
 * class" would see everything and hide the very defect this stands for. The copy therefore builds the
 * equivalent of core's loader: one over the copies' own classes (this jar or folder) whose parent is
 * the platform loader. Code run on these threads that finds drivers, SPI implementations or resources
 * through the context loader fails here as it would in Jenkins.
 */
public class ClassLoaderSanityThreadFactory implements ThreadFactory {

    private static final ClassLoader CORE = coreLike();

    private final ThreadFactory delegate;

    public ClassLoaderSanityThreadFactory(ThreadFactory delegate) {
        this.delegate = delegate;
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = delegate.newThread(r);
        t.setContextClassLoader(CORE);
        return t;
    }

    private static ClassLoader coreLike() {
        CodeSource copies = ClassLoaderSanityThreadFactory.class.getProtectionDomain().getCodeSource();
        URL[] urls = copies == null ? new URL[0] : new URL[] {copies.getLocation()};
        return new URLClassLoader("jenkins-core (copy)", urls, ClassLoader.getPlatformClassLoader());
    }
}
