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
 * A 30 MB attachment is parsed in its own JVM with the heap capped at 256 MB: it must be stored whole and right,
 * with little heap in use while it streams to the sink (under 16 MiB, where parsing from a byte array would hold
 * the whole 40 MB mail), and the temporary copy of the mail must be gone afterwards.
 */
class LargeAttachmentTest {

    private static final long THIRTY_MB = 30L * 1024 * 1024;

    @Test
    void thirtyMegabyteAttachmentIsStreamedUnderA256MegabyteHeap(@TempDir Path folder) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-Djava.io.tmpdir=" + folder,
                "-cp", System.getProperty("java.class.path"), LargeMailProbe.class.getName(),
                folder.toString(), String.valueOf(THIRTY_MB))
                .redirectErrorStream(true).start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the child JVM finished in time").isTrue();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("attachments=1 name=scan.pdf size=" + THIRTY_MB + " sha256ok=true",
                "maxHeapMiB=256", "text=The scan is attached.");
        assertThat(heapWhileStoring(output)).as("MiB of heap in use while the attachment streams").isLessThan(16);
        assertThat(spooledCopies(folder)).as("temporary copies left behind").isEmpty();
    }

    private static int heapWhileStoring(String output) {
        return Integer.parseInt(output.replaceAll("(?s).*heapWhileStoringMiB=(\\d+).*", "$1"));
    }

    private static List<Path> spooledCopies(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("guichet-mail-")).toList();
        }
    }
}
