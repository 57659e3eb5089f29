package io.tenantprovisioning.engine.terraform;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a child process writes to a file, read as it grows until the process has exited (like
 * {@code tail -f}). The file is unlinked as soon as both ends have it open, so nothing it holds (the
 * output of {@code output -json} carries sensitive values) stays on disk under a name, whatever happens
 * to this JVM: the process keeps writing to the open file, not to a pipe that dies with its reader.
 */
final class FollowedOutput extends InputStream {

    private static final long POLL_MILLIS = 20;

    private final InputStream file;
    private final Process process;

    private FollowedOutput(InputStream file, Process process) {
        this.file = file;
        this.process = process;
    }

    /** Opens {@code path} (which the started {@code process} writes) and unlinks it. */
    static FollowedOutput follow(Path path, Process process) throws IOException {
        InputStream in = new FileInputStream(path.toFile());
        Files.deleteIfExists(path);
        return new FollowedOutput(in, process);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (true) {
            boolean exited = !process.isAlive(); // before reading: what it wrote before exiting is then all there
            int n = file.read(buffer, offset, length);
            if (n > 0) {
                return n;
            }
            if (exited) {
                return -1;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading the output of process " + process.pid());
            }
        }
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
