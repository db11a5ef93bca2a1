package org.guichet.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextDecoderTest {

    private final Problems problems = new Problems();

    @Test
    void decodesWithTheDeclaredCharset() {
        byte[] bytes = "Привет".getBytes(Charset.forName("KOI8-R"));

        assertThat(TextDecoder.decode(bytes, Optional.of("\"koi8-r\""), "x", problems)).isEqualTo("Привет");
        assertThat(problems.list()).isEmpty();
    }

    @Test
    void guessesUtf8ThenWindows1252WhenNoCharsetIsDeclared() {
        assertThat(TextDecoder.decode("déjà".getBytes(StandardCharsets.UTF_8), Optional.empty(), "x", problems))
                .isEqualTo("déjà");
        assertThat(TextDecoder.decode("déjà".getBytes(TextDecoder.WINDOWS_1252), Optional.empty(), "x", problems))
                .isEqualTo("déjà");
        assertThat(problems.list()).containsExactly(
                "X has 8-bit text but no charset is declared; read as UTF-8.",
                "X has 8-bit text but no charset is declared; read as windows-1252.");
    }

    @Test
    void readsUtf7() {
        assertThat(TextDecoder.decode("Fr+APY-sche +-1".getBytes(StandardCharsets.US_ASCII), Optional.of("utf-7"),
                "x", problems)).isEqualTo("Frösche +1");
    }

    @Test
    void keepsPlainAsciiSilent() {
        assertThat(TextDecoder.decode("hello".getBytes(StandardCharsets.US_ASCII), Optional.of("bogus"), "x",
                problems)).isEqualTo("hello");
        assertThat(problems.list()).isEmpty();
    }
}
