package org.guichet.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.guichet.config.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An archive handed to restore is hostile too: nothing in it may write outside the data folder or lie about a file. */
class HostileBackupIT {
    @TempDir
    Path dir;

    /** A restore into {@code data/}, which does not exist yet: nothing opens the database before the restore. */
    private Restore restore() {
        return new Restore(new Storage("jdbc:h2:file:" + dir.resolve("data/guichet"), dir.resolve("data/attachments"),
                dir.resolve("data/messages")));
    }

    private Path archive(String name, String content) throws IOException {
        Path archive = dir.resolve("backup.tar.gz");
        Path file = dir.resolve("content");
        Files.writeString(file, content);
        Path manifest = dir.resolve("manifest");
        Files.writeString(manifest, "Guichet backup\n");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(archive))) {
            Tar.Writer tar = new Tar.Writer(out);
            tar.add(Backups.MANIFEST, manifest);
            tar.add(name, file);
            tar.finish();
        }
        return archive;
    }

    @Test
    void anEntryOutsideTheStoresIsRefused() throws IOException {
        Path archive = archive("../../outside.txt", "evil");

        assertThatThrownBy(() -> restore().from(archive)).isInstanceOf(Backups.BackupException.class)
                .hasMessageContaining("unexpected entry '../../outside.txt'");
        assertThat(dir.getParent().resolve("outside.txt")).doesNotExist();
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void aFileWhoseContentDoesNotMatchItsHashIsRefused() throws IOException {
        String wrongHash = "ab" + "0".repeat(62);
        Path archive = archive("attachments/ab/" + wrongHash, "not what the name says");

        assertThatThrownBy(() -> restore().from(archive)).isInstanceOf(Backups.BackupException.class)
                .hasMessageContaining("does not match its hash");
        assertThat(dir.resolve("data")).as("a refused archive leaves nothing behind").doesNotExist();
    }

    @Test
    void anArchiveWithoutTheManifestIsNotABackup() throws IOException {
        Path archive = dir.resolve("other.tar.gz");
        Path file = dir.resolve("x");
        Files.write(file, "x".getBytes(StandardCharsets.UTF_8));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(archive))) {
            Tar.Writer tar = new Tar.Writer(out);
            tar.add("etc/passwd", file);
            tar.finish();
        }

        assertThatThrownBy(() -> restore().from(archive)).hasMessageContaining("is not a Guichet backup");
    }

    @Test
    void aDatabasePasswordThatIsNotOneIsRefused() throws IOException {
        Path archive = archive(Backups.PASSWORD, "x'; DROP ALL OBJECTS; --");

        assertThatThrownBy(() -> restore().from(archive)).isInstanceOf(Backups.BackupException.class)
                .hasMessageContaining("database password is damaged");
        assertThat(dir.resolve("data")).doesNotExist();
    }
}
