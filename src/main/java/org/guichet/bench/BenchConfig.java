package org.guichet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.guichet.config.ConfigLoader;
import org.guichet.config.GuichetConfig;

/**
 * The config file of a throwaway helpdesk: the bench's servers, and a database and folders of its own under a
 * temporary folder, so that a bench never writes into a real helpdesk's data, even when given its config.
 */
final class BenchConfig {
    private BenchConfig() {
    }

    /** The servers of a real helpdesk's config (its imap and smtp sections); nothing else of it is used. */
    static Endpoints serversOf(Path configFile) {
        GuichetConfig config = new ConfigLoader().load(configFile);
        return new Endpoints(config.imap().host(), config.imap().port(), config.imap().ssl(), config.smtp().host(),
                config.smtp().port(), config.smtp().ssl(), config.imap().user(), config.imap().password(),
                Objects.toString(config.smtp().user(), ""), Objects.toString(config.smtp().password(), ""));
    }

    /** Writes {@code dir/guichet.yml} for these servers, with storage under {@code dir}; returns its path. */
    static Path write(Path dir, Endpoints servers) throws IOException {
        Path file = dir.resolve("guichet.yml");
        Files.writeString(file, yaml(servers, dir));
        return file;
    }

    /** The demo's config on the bench's servers and folders; templates come from the jar. */
    static String yaml(Endpoints s, Path dir) {
        String path = dir.toString().replace('\\', '/');
        String smtpLogin = s.smtpUser().isEmpty() ? ""
                : "  user: " + quoted(s.smtpUser()) + "\n  password: " + quoted(s.smtpPassword()) + "\n";
        return """
                helpdesk:
                  name: Bench Helpdesk
                  address: %s
                  locale: en
                mail:
                  demo-server: false
                imap:
                  host: %s
                  port: %d
                  ssl: %s
                  starttls: false
                  user: %s
                  password: %s
                smtp:
                  host: %s
                  port: %d
                  ssl: %s
                  starttls: false
                %sstorage:
                  database-url: jdbc:h2:file:%s/db/guichet
                  attachments-dir: %s/attachments
                  messages-dir: %s/messages
                security:
                  secret: bench-secret-0123456789
                services:
                  - id: it
                    name: IT support
                    agents: [alice@helpdesk.test]
                  - id: admin
                    name: Administration
                    agents: [bob@helpdesk.test]
                categories:
                  - name: Network
                    service: it
                    keywords: [wifi, wi-fi, network]
                  - name: Payroll
                    service: admin
                    keywords: [payslip, payslips, salary]
                  - name: Unsorted
                    service: it
                default-category: Unsorted
                """.formatted(Bench.SUPPORT, s.imapHost(), s.imapPort(), s.imapSsl(), quoted(s.user()),
                quoted(s.password()), s.smtpHost(), s.smtpPort(), s.smtpSsl(), smtpLogin, path, path, path);
    }

    /** A YAML double-quoted scalar: a password may hold any character. */
    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
