package org.guichet.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.guichet.parse.StoredPart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The raw mails and attachments kept by their hash: what is kept is what came, once, and nothing is left beside. */
class BlobStoreTest {
    @TempDir
    Path dir;

    @Test
    void aMailHeldInMemoryIsKeptUnderItsHashInAFolderMadeForIt() throws Exception {
        BlobStore store = new BlobStore(dir.resolve("messages"));
        byte[] mail = "From: jane@example.org\r\nSubject: printer\r\n\r\nIt jams.\r\n".getBytes(StandardCharsets.US_ASCII);

        StoredPart kept = store.store(mail);

        assertThat(kept.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(mail)));
        assertThat(kept.size()).isEqualTo(mail.length);
        assertThat(store.find(kept.sha256())).get().satisfies(p -> assertThat(Files.readAllBytes(p)).isEqualTo(mail));
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void theSameBytesTwiceAreKeptOnceWhetherFromMemoryOrAStream() throws Exception {
        BlobStore store = new BlobStore(dir.resolve("messages"));
        byte[] mail = "Subject: twice\r\n\r\nHello\r\n".getBytes(StandardCharsets.US_ASCII);

        StoredPart first = store.store(mail);
        StoredPart second = store.store(mail);
        StoredPart streamed = store.store(new ByteArrayInputStream(mail));

        assertThat(second).isEqualTo(first);
        assertThat(streamed).isEqualTo(first);
        try (Stream<Path> files = Files.walk(dir.resolve("messages"))) {
            assertThat(files.filter(Files::isRegularFile)).hasSize(1);
        }
    }

    private Stream<Path> leftovers() throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".part")).toList().stream();
        }
    }
}
