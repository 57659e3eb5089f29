package hudson;

import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.file.Files;

/*
 * Compile-only stub: real signatures of the members the steps use. Here they act on the local file
 * system; the real ones act on the agent holding the file through a remoting channel.
 */
public final class FilePath implements Serializable {

    private static final long serialVersionUID = 1L;

    private final File file;

    public FilePath(File localPath) {
        this.file = localPath;
    }

    public FilePath child(String relOrAbsolute) {
        return new FilePath(new File(file, relOrAbsolute));
    }

    public FilePath getParent() {
        File parent = file.getParentFile();
        return parent == null ? null : new FilePath(parent);
    }

    public void mkdirs() throws IOException, InterruptedException {
        Files.createDirectories(file.toPath());
    }

    public void write(String content, String encoding) throws IOException, InterruptedException {
        Files.writeString(file.toPath(), content, Charset.forName(encoding));
    }
}
