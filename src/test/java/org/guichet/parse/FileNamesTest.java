package org.guichet.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void removesPathSeparatorsControlAndBidiCharactersAndLeadingDots() {
        assertThat(FileNames.sanitise("..\\..\\win.ini", "text/plain", 1)).isEqualTo("_.._win.ini");
        assertThat(FileNames.sanitise(".hidden\u0000\u202Egpj.exe\u2066", "image/jpeg", 1)).isEqualTo("hiddengpj.exe");
        assertThat(FileNames.sanitise("a\tb\nc.txt", "text/plain", 1)).isEqualTo("a b c.txt");
    }

    @Test
    void makesUpANameFromTheContentTypeWhenNoneIsLeft() {
        assertThat(FileNames.sanitise("", "image/jpeg", 2)).isEqualTo("attachment-2.jpg");
        assertThat(FileNames.sanitise("...", "application/vnd.weird+xml", 3)).isEqualTo("attachment-3.bin");
        assertThat(FileNames.sanitise(" ", "image/png", 4)).isEqualTo("attachment-4.png");
    }

    @Test
    void truncatesLongNamesKeepingTheExtension() {
        String name = FileNames.sanitise("é".repeat(200) + ".pdf", "application/pdf", 1);

        assertThat(name).hasSize(150).endsWith("é.pdf");
        assertThat(FileNames.isSafe(name)).isTrue();
    }
}
