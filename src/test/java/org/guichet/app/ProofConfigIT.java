package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code run} and {@code config check} say about proof and the secret outside the demo (SPEC section 6). */
class ProofConfigIT {
    @TempDir
    Path dir;
    TestHelpdesk helpdesk;

    record Run(int status, String out, String err) {
    }

    @AfterEach
    void stop() {
        helpdesk.close();
    }

    Run guichet(String yaml, String... args) throws Exception {
        Path config = dir.resolve("guichet.yml");
        Files.writeString(config, yaml);
        List<String> all = new ArrayList<>(List.of("--config", config.toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true),
                Guichet::open);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void proofSwitchedOffOutsideTheDemoIsWarnedAboutByRunAndConfigCheck() throws Exception {
        helpdesk = TestHelpdesk.start(dir);
        String off = helpdesk.yaml(false).replace("  secret: test-secret-0123456789",
                "  secret: test-secret-0123456789\n  require-proof: false");

        Run check = guichet(off, "config", "check");
        assertThat(check.status()).as(check.out()).isZero();
        assertThat(check.out()).contains("security  WARN   security.require-proof is false outside the demo");
        Run run = guichet(off, "run", "--once");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("warning: security.require-proof is false outside the demo");

        Run auto = guichet(helpdesk.yaml(false), "config", "check");
        assertThat(auto.out()).doesNotContain("WARN");
    }

    @Test
    void theDemoSecretOutsideTheDemoStopsRunAndConfigCheckNamingKeyAndLine() throws Exception {
        helpdesk = TestHelpdesk.start(dir);
        String yaml = helpdesk.yaml(false).replace("test-secret-0123456789", "demo-secret-change-me-in-production");
        int line = yaml.lines().toList().indexOf("  secret: demo-secret-change-me-in-production") + 1;

        Run check = guichet(yaml, "config", "check");
        assertThat(check.status()).isEqualTo(2);
        assertThat(check.out()).startsWith("config    FAILED").contains("line " + line + ": security.secret is the"
                + " demo's shipped secret");
        Run run = guichet(yaml, "run", "--once");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("line " + line + ": security.secret is the demo's shipped secret");
    }
}
