package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code show} and {@code tickets} never hand a mail's escape sequences or bidi overrides to the terminal. */
class TerminalSafetyIT {
    @TempDir
    Path dir;
    TestHelpdesk helpdesk;

    @AfterEach
    void stop() {
        helpdesk.close();
    }

    private String guichet(String... args) throws Exception {
        Path config = dir.resolve("guichet.yml");
        Files.writeString(config, helpdesk.yaml(false));
        String[] all = new String[args.length + 2];
        all[0] = "--config";
        all[1] = config.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        StringWriter out = new StringWriter();
        int status = Main.execute(all, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                Guichet::open);
        assertThat(status).isZero();
        return out.toString();
    }

    @Test
    void controlCharactersFromAMailAreReplacedBeforePrinting() throws Exception {
        helpdesk = TestHelpdesk.start(dir);
        helpdesk.send("From: \"=?utf-8?q?Jane=1B]0;owned=07?=\" <jane@example.org>\r\nTo: support@helpdesk.test\r\n"
                + "Subject: =?utf-8?q?Printer_=C2=9B31m_=E2=80=AEfdp.exe?=\r\nMessage-ID: <esc-1@example.org>\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + "Room \u001b[2J204\rFAKE: all fine\r\nSecond line\r\n");
        helpdesk.runOnce();

        String show = guichet("show", "1");
        String table = guichet("tickets");

        for (String out : new String[] {show, table}) {
            assertThat(out).doesNotContain("\u001b", "\u009b", "\u202e", "\u0007").doesNotContain("\r");
        }
        assertThat(show).contains("Printer ?31m ?fdp.exe", "Room ?[2J204\nFAKE: all fine\nSecond line",
                "(Jane?]0;owned");
        assertThat(table).contains("Printer ?31m ?fdp.exe");
    }
}
