package org.guichet.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC section 2's 50 MB mail, parsed in its own JVM with the heap capped at 256 MB, from the file it was spooled to
 * (no other copy of it made) into a real attachment store: a 45 MiB attachment is stored whole and right, and a body
 * of one 50 MiB line is read with its text capped.
 */
class FiftyMegabyteMailTest {

    @Test
    void aFortyFiveMegabyteAttachmentIsStoredUnderA256MegabyteHeap(@TempDir Path folder) throws Exception {
        String output = probe(folder, "attachment");

        assertThat(output).contains("attachments=1", "attachment name=backup.tar size="
                + FiftyMegabyteMailProbe.ENCODED_ATTACHMENT_BYTES / 4 * 3 + " stored=true sha256ok=true",
                "textStart=The backup is attached.", "maxHeapMiB=256");
        assertThat(mailBytes(output)).isBetween(FiftyMegabyteMailProbe.MAIL_BYTES - 100,
                FiftyMegabyteMailProbe.MAIL_BYTES + 100);
        assertThat(copies(folder)).as("temporary copies of the mail").isEmpty();
    }

    @Test
    void aBodyOfOneFiftyMegabyteLineIsReadWithItsTextCapped(@TempDir Path folder) throws Exception {
        String output = probe(folder, "line");

        assertThat(output).contains("attachments=0", "textChars=" + TextReader.MAX_TEXT_BYTES, "textStart=LineLine",
                "problem=The mail body (text/plain) holds more than 4 MiB of body text; the rest was left out of the"
                        + " text.", "maxHeapMiB=256");
        assertThat(copies(folder)).as("temporary copies of the mail").isEmpty();
    }

    private static String probe(Path folder, String kind) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-XX:+ExitOnOutOfMemoryError",
                "-Djava.io.tmpdir=" + folder, "-cp", System.getProperty("java.class.path"),
                FiftyMegabyteMailProbe.class.getName(), folder.toString(), kind)
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("the child JVM finished").isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        System.out.println("FiftyMegabyteMailTest " + kind + ": " + output.replace('\n', ' '));
        return output;
    }

    private static long mailBytes(String output) {
        return Long.parseLong(output.replaceAll("(?s).*mailBytes=(\\d++).*", "$1"));
    }

    private static List<Path> copies(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("guichet-mail-")).toList();
        }
    }
}
