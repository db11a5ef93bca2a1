package org.guichet.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hostile attachment names, as a mail or an old row may hold them, made into one plain file name. */
class SafeFileNameTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "report.pdf|report.pdf",
        "../../etc/passwd|_.._etc_passwd",
        "..\\..\\boot.ini|_.._boot.ini",
        "/etc/shadow|_etc_shadow",
        ".bashrc|bashrc",
        "..|attachment-3.bin",
        "'   '|attachment-3.bin",
        "C:\\Windows\\win.ini|C__Windows_win.ini",
        "CON.txt|attachment-3-CON.txt",
        "invoice\u202Efdp.exe|invoicefdp.exe",
        "tab\there.txt|tab here.txt",
        "a\u0000b.txt|ab.txt",
        "what?.txt|what_.txt",
        "Relevé de notes.pdf|Relevé de notes.pdf",
    })
    void aNameBecomesOnePlainFileName(String raw, String expected) {
        String safe = SafeFileName.of(raw, 3);

        assertThat(safe).isEqualTo(expected);
        assertThat(Path.of("/out").resolve(safe).normalize().getParent()).isEqualTo(Path.of("/out"));
    }

    @ParameterizedTest
    @CsvSource({"200", "5000"})
    void aLongNameIsCut(int length) {
        String safe = SafeFileName.of("x".repeat(length) + ".pdf", 1);

        assertThat(safe.codePointCount(0, safe.length())).isLessThanOrEqualTo(SafeFileName.MAX_CODE_POINTS);
    }
}
