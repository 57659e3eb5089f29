package hudson;

import hudson.remoting.Callable;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.file.Files;
import org.jenkinsci.remoting.RoleChecker;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/*
 * Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt (compile-only, never packaged):
 * the members the steps use. Like upstream, a FilePath made from a File is on the controller, and one
 * made with a channel is on the agent at the other end of it: every operation on it is sent through
 * VirtualChannel.call as a serializable callable that runs where the file is. (Upstream wraps its
 * FileCallables the same way; the copy's callables are its own.) A test gives the workspace a channel
 * to a stand-in agent, so a step that wrote with java.io.File instead of through the FilePath would
 * be seen writing on the controller.
 */
public final class FilePath implements SerializableOnlyOverRemoting {

    private static final long serialVersionUID = 1L;

    private transient VirtualChannel channel;
    private final String remote;

    public FilePath(VirtualChannel channel, String remote) {
        this.channel = channel;
        this.remote = remote;
    }

    public FilePath(File localPath) {
        this((VirtualChannel) null, localPath.getPath());
    }

    public FilePath(FilePath base, String rel) {
        this(base.channel, new File(new File(base.remote), rel).getPath());
    }

    public String getRemote() {
        return remote;
    }

    public boolean isRemote() {
        return channel != null;
    }

    public FilePath child(String relOrAbsolute) {
        return new FilePath(this, relOrAbsolute);
    }

    public FilePath getParent() {
        String parent = new File(remote).getParent();
        return parent == null ? null : new FilePath(channel, parent);
    }

    public void mkdirs() throws IOException, InterruptedException {
        act(new Mkdirs());
    }

    public void write(String content, String encoding) throws IOException, InterruptedException {
        act(new Write(content, encoding));
    }

    public String readToString() throws IOException, InterruptedException {
        return act(new Read());
    }

    public boolean exists() throws IOException, InterruptedException {
        return act(new Exists());
    }

    @Override
    public String toString() {
        return remote;
    }

    /** Runs the operation where the file is: here, or on the agent through the channel. */
    private <T> T act(FileOperation<T> operation) throws IOException, InterruptedException {
        if (channel == null) {
            return operation.invoke(new File(remote));
        }
        return channel.call(new WhereTheFileIs<>(remote, operation));
    }

    private interface FileOperation<T> extends Serializable {
        T invoke(File file) throws IOException;
    }

    /** What crosses the channel: the path and the operation, nothing of the controller. */
    private record WhereTheFileIs<T>(String remote, FileOperation<T> operation) implements Callable<T, IOException> {
        @Override
        public T call() throws IOException {
            return operation.invoke(new File(remote));
        }

        @Override
        public void checkRoles(RoleChecker checker) {
            // upstream's FileCallables declare the agent role; the stand-in agents here check none
        }

        @Override
        public String toString() {
            return operation.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " " + remote;
        }
    }

    private record Mkdirs() implements FileOperation<Void> {
        @Override
        public Void invoke(File file) throws IOException {
            Files.createDirectories(file.toPath());
            return null;
        }
    }

    private record Write(String content, String encoding) implements FileOperation<Void> {
        @Override
        public Void invoke(File file) throws IOException {
            Files.writeString(file.toPath(), content, Charset.forName(encoding));
            return null;
        }
    }

    private record Read() implements FileOperation<String> {
        @Override
        public String invoke(File file) throws IOException {
            return Files.readString(file.toPath(), Charset.defaultCharset());
        }
    }

    private record Exists() implements FileOperation<Boolean> {
        @Override
        public Boolean invoke(File file) {
            return file.exists();
        }
    }
}
