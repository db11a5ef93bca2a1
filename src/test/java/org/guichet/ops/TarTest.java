package org.guichet.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tar of backups: what is written reads back the same, and with the system's own tar. */
class TarTest {
    @TempDir
    Path dir;

    @Test
    void filesOfEverySizeReadBackTheSame() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("guichet-backup.txt", "Guichet backup\n".getBytes(StandardCharsets.UTF_8));
        files.put("attachments/ab/empty", new byte[0]);
        files.put("attachments/ab/block", new byte[Tar.BLOCK]);
        files.put("messages/cd/odd", "x".repeat(1234).getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Tar.Writer writer = new Tar.Writer(out);
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path file = dir.resolve("f" + f.getKey().hashCode());
            Files.write(file, f.getValue());
            writer.add(f.getKey(), file);
        }
        writer.finish();

        Tar.Reader reader = new Tar.Reader(new ByteArrayInputStream(out.toByteArray()));
        Map<String, byte[]> read = new LinkedHashMap<>();
        for (Tar.Entry e = reader.next(); e != null; e = reader.next()) {
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            if (!e.name().endsWith("block")) {
                reader.copyTo(content);
                read.put(e.name(), content.toByteArray());
            } else {
                read.put(e.name(), new byte[(int) e.size()]); // left unread: next() skips it
            }
        }

        assertThat(read.keySet()).containsExactlyElementsOf(files.keySet());
        files.forEach((name, bytes) -> assertThat(read.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void theSystemTarReadsWhatIsWritten() throws Exception {
        Path archive = dir.resolve("a.tar");
        Path file = dir.resolve("content");
        Files.writeString(file, "hello");
        try (var out = Files.newOutputStream(archive)) {
            Tar.Writer writer = new Tar.Writer(out);
            writer.add("messages/ab/hello", file);
            writer.finish();
        }
        Process tar = new ProcessBuilder("tar", "-tvf", archive.toString()).redirectErrorStream(true).start();
        String listing = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(tar.waitFor()).as(listing).isZero();
        assertThat(listing).contains("messages/ab/hello");
    }

    @Test
    void aDamagedHeaderIsRefused() {
        byte[] garbage = "this is not a tar header".repeat(30).getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> new Tar.Reader(new ByteArrayInputStream(garbage)).next())
                .isInstanceOf(IOException.class).hasMessageContaining("not a tar archive");
    }
}
