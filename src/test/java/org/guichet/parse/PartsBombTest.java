package org.guichet.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's parts bomb, parsed in its own JVM with the heap capped at 256 MB: the part budget applies while the
 * multipart is scanned, so its twelve million empty parts are counted, not built; the first part is read, and the
 * mail is flagged as cut at the bound (the daemon quarantines it for that: {@code PartsBombIT}).
 */
class PartsBombTest {

    @Test
    void millionsOfEmptyPartsAreCountedNotBuilt(@TempDir Path folder) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), PartsBombProbe.class.getName(), folder.toString())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("the child JVM finished").isTrue();
        System.out.println("PartsBombTest: " + output.replace('\n', ' '));

        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("attachments=0 text=The first part says hello. structureCut=The mail has more"
                + " than 500 MIME parts; the rest were left out.", "maxHeapMiB=256");
    }
}
