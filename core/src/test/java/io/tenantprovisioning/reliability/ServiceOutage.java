package io.tenantprovisioning.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder in front of one real local service, so a test can take "the service" away from the
 * code under test alone: {@link #stop()} closes the port and every connection through it (new connections
 * are refused, as for a stopped server), {@link #hang()} keeps accepting but never answers (a server that
 * stopped responding), {@link #start()} forwards again. The real service, which the other engineers'
 * tests share, never goes down.
 */
public final class ServiceOutage implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private volatile boolean hanging;

    public ServiceOutage(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        ServerSocket first = listen(0);
        this.port = first.getLocalPort();
        serve(first);
    }

    /** The port the code under test is given instead of the service's. */
    public int port() {
        return port;
    }

    public synchronized void stop() throws IOException {
        ServerSocket s = server;
        server = null;
        if (s != null) {
            s.close();
        }
        closeConnections();
    }

    private void closeConnections() throws IOException {
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    /** Accepts connections but never forwards a byte; connections open until now are cut. */
    public synchronized void hang() throws IOException {
        hanging = true;
        if (server == null) {
            serve(listen(port));
        }
        closeConnections();
    }

    public synchronized void start() throws IOException {
        hanging = false;
        if (server == null) {
            serve(listen(port));
        }
        closeConnections();
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    /** Binds; the same port again after {@link #stop()} may take a moment while the old connections close. */
    private static ServerSocket listen(int port) throws IOException {
        for (int attempt = 1; ; attempt++) {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            try {
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return s;
            } catch (java.net.BindException busy) {
                s.close();
                if (port == 0 || attempt >= 100) {
                    throw busy;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw busy;
                }
            }
        }
    }

    private void serve(ServerSocket s) {
        server = s;
        Thread acceptor = new Thread(() -> {
            while (!s.isClosed()) {
                try {
                    Socket client = s.accept();
                    open.add(client);
                    if (!hanging) {
                        Socket upstream = new Socket(targetHost, targetPort);
                        open.add(upstream);
                        pump(client, upstream);
                        pump(upstream, client);
                    }
                } catch (IOException closed) {
                    return;
                }
            }
        }, "outage-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException closed) {
                // the other side or stop() closed it
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "outage-pump");
        t.setDaemon(true);
        t.start();
    }
}
