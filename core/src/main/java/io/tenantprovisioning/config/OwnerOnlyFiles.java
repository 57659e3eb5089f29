package io.tenantprovisioning.config;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Tenant data at rest (exports, the filesystem object store, vector indexes, the data folder) is
 * created readable by the owner only — folders 0700, files 0600 — whatever the process umask, so
 * another local user never reads a tenant's rows or documents. Created with the permissions, not
 * chmod-ed afterwards, so there is no moment where they are open.
 */
public final class OwnerOnlyFiles {

    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnlyFiles() {
    }

    /** Creates the folder and any missing parents as 0700 (existing ones are left as they are). */
    public static Path createFolders(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return absolute;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createFolders(parent);
        }
        try {
            return POSIX ? Files.createDirectory(absolute, attribute(FOLDER)) : Files.createDirectory(absolute);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return absolute; // created by a concurrent caller in the meantime
        }
    }

    /** Writes {@code content} to a new or truncated file that is 0600 from its first byte. */
    public static void write(Path file, byte[] content) throws IOException {
        try (OutputStream out = open(file)) {
            out.write(content);
        }
    }

    /** Opens a new or truncated 0600 file for writing. */
    public static OutputStream open(Path file) throws IOException {
        if (POSIX && !Files.exists(file)) {
            Files.createFile(file, attribute(FILE));
        }
        return Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }
}
