package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code guichet bench --imap --smtp} against a real Dovecot and OpenSMTPD, with tiny numbers. */
class BenchRealMailIT {
    @RegisterExtension
    static final RealMailServers servers = new RealMailServers();

    @Test
    void measuresARealServerWithTheSameReport() throws Exception {
        JsonNode r = BenchReportCheck.run("--imap", "127.0.0.1:" + servers.imapPort, "--smtp",
                "127.0.0.1:" + servers.smtpPort, "--user", "support@helpdesk.test", "--password", "support");

        BenchReportCheck.consistent(r);
        assertThat(r.get("server").asText()).contains("127.0.0.1:" + servers.imapPort);
        assertThat(r.get("cpuIncludesMailServer").asBoolean()).isFalse();
    }
}
