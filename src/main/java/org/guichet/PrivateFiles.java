package org.guichet;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Directories and files only their owner can read: everything Guichet keeps under {@code data/} holds people's
 * mail. Directories are 0700 and files 0600 on POSIX systems; elsewhere the platform's defaults stand.
 */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** Creates the directory and its missing parents as 0700, and makes the directory itself 0700 if it existed. */
    public static Path createDirectories(Path dir) throws IOException {
        if (posix()) {
            FileAttribute<Set<PosixFilePermission>> owner = PosixFilePermissions.asFileAttribute(DIRECTORY);
            Files.createDirectories(dir, owner);
        } else {
            Files.createDirectories(dir);
        }
        ownerOnly(dir);
        return dir;
    }

    /** Makes an existing directory 0700 or file 0600; a missing path or a symbolic link is left alone. */
    public static void ownerOnly(Path path) throws IOException {
        if (!posix() || !Files.exists(path, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(path)) {
            return;
        }
        Set<PosixFilePermission> wanted = Files.isDirectory(path) ? DIRECTORY : FILE;
        if (!Files.getPosixFilePermissions(path).equals(wanted)) {
            Files.setPosixFilePermissions(path, wanted);
        }
    }

    /**
     * A new empty file (0600) in the folder, which is made (0700) only when it is missing: checking the folder
     * for every file cost several system calls on intake's path.
     */
    public static Path createTempFile(Path dir, String prefix, String suffix) throws IOException {
        try {
            return Files.createTempFile(dir, prefix, suffix);
        } catch (NoSuchFileException missing) {
            createDirectories(dir);
            return Files.createTempFile(dir, prefix, suffix);
        }
    }

    /** The attribute that creates a file 0600 from the start, for {@link Files#createFile}; none off POSIX. */
    public static FileAttribute<?>[] fileAttributes() {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
