package org.guichet.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/** Reads the scalar sections of the file (helpdesk to security) into records, applying the documented defaults. */
final class SectionReader {

    static final List<String> HELPDESK_KEYS = List.of("name", "address", "locale", "timezone");
    static final List<String> MAIL_KEYS = List.of("demo-server", "plus-addressing");
    static final List<String> IMAP_KEYS = List.of("host", "port", "ssl", "starttls", "user", "password", "folder",
            "processed-folder", "quarantine-folder", "poll-interval", "idle", "timeout", "auth", "trust-store",
            "failover");
    static final List<String> SMTP_KEYS = List.of("host", "port", "ssl", "starttls", "user", "password", "timeout",
            "auth", "trust-store");
    static final List<String> STORAGE_KEYS = List.of("database-url", "database-user", "database-password",
            "attachments-dir", "messages-dir");
    static final List<String> TICKETS_KEYS = List.of("tag", "auto-close-days", "cc-as-observers", "retention-days",
            "waiting-reminder-days", "waiting-close-days");
    static final List<String> LOGGING_KEYS = List.of("format");
    static final List<String> HTTP_KEYS = List.of("port", "host");
    static final List<String> LIMITS_KEYS = List.of("max-message-bytes", "max-attachment-bytes",
            "notifications-per-ticket-per-10-minutes", "new-tickets-per-sender-per-hour", "parse-timeout",
            "notifications-per-recipient-per-hour", "max-forward-bytes");
    static final List<String> SECURITY_KEYS = List.of("secret", "require-proof", "trusted-authserv-id",
            "require-authenticated-agents");

    private static final String DEMO_HOST = "127.0.0.1";
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_PORT = 65535;
    private static final long MIB = 1L << 20;

    private SectionReader() {
    }

    static Helpdesk helpdesk(YamlMap root) {
        return helpdesk(root, java.util.Optional.empty());
    }

    /** {@code firstMailbox}: the address of the first of {@code mailboxes}, the helpdesk's when it names none. */
    static Helpdesk helpdesk(YamlMap root, java.util.Optional<String> firstMailbox) {
        YamlMap map = root.map("helpdesk", HELPDESK_KEYS);
        String address = firstMailbox.isPresent() && !map.has("address") ? firstMailbox.get()
                : map.required("address").email();
        ConfigValue locale = map.value("locale").orElse(null);
        if (locale != null && !Helpdesk.LOCALES.contains(locale.text())) {
            throw locale.error(locale.key() + " must be en or fr, not " + locale.shown());
        }
        return new Helpdesk(map.text("name", "Helpdesk"), address, locale == null ? "en" : locale.text());
    }

    static MailSettings mail(YamlMap root) {
        YamlMap map = root.map("mail", MAIL_KEYS);
        return new MailSettings(map.bool("demo-server", false), map.bool("plus-addressing", true));
    }

    /** Outside the demo, TLS is on unless both ssl and starttls are set to false explicitly. */
    static Imap imap(YamlMap root, MailSettings mail, Helpdesk helpdesk, AccessReader accessReader) {
        return imapSection(root.map("imap", IMAP_KEYS), mail, helpdesk.address(), accessReader);
    }

    /** An {@code imap} section, top-level or a mailbox's; in the demo its user defaults to its address. */
    static Imap imapSection(YamlMap map, MailSettings mail, String address, AccessReader accessReader) {
        boolean demo = mail.demoServer();
        Access access = accessReader.read(map);
        boolean ssl = map.bool("ssl", !demo);
        boolean starttls = starttls(map, demo, ssl);
        return new Imap(demo ? map.text("host", DEMO_HOST) : map.required("host").nonBlank(),
                map.integer("port", demo ? 3143 : ssl ? 993 : 143, 1, MAX_PORT), ssl, starttls,
                demo ? map.text("user", address) : map.required("user").nonBlank(),
                demo ? map.text("password", "demo")
                        : access.usesOAuth2() ? map.optionalText("password") : map.required("password").nonBlank(),
                map.text("folder", "INBOX"), map.text("processed-folder", "Processed"),
                map.text("quarantine-folder", "Quarantine"), map.duration("poll-interval", Duration.ofSeconds(60)),
                map.bool("idle", true), map.duration("timeout", DEFAULT_TIMEOUT), access,
                map.duration("failover", Imap.DEFAULT_FAILOVER));
    }

    static Smtp smtp(YamlMap root, MailSettings mail, AccessReader accessReader) {
        return smtpSection(root.map("smtp", SMTP_KEYS), mail, accessReader);
    }

    /** An {@code smtp} section, top-level or a mailbox's own. */
    static Smtp smtpSection(YamlMap map, MailSettings mail, AccessReader accessReader) {
        boolean demo = mail.demoServer();
        Access access = accessReader.read(map);
        boolean ssl = map.bool("ssl", false);
        boolean starttls = starttls(map, demo, ssl);
        String user = map.optionalText("user");
        String password = map.optionalText("password");
        if (access.usesOAuth2() && user.isEmpty()) {
            throw map.missing("user");
        }
        if (!access.usesOAuth2() && user.isEmpty() != password.isEmpty()) {
            String absent = user.isEmpty() ? "user" : "password";
            throw map.error(map.lineFor(absent), absent, "missing value for " + map.child(absent)
                    + " (smtp.user and smtp.password go together; set both, or neither for no authentication)");
        }
        return new Smtp(demo ? map.text("host", DEMO_HOST) : map.required("host").nonBlank(),
                map.integer("port", demo ? 3025 : ssl ? 465 : 587, 1, MAX_PORT), ssl, starttls, user, password,
                map.duration("timeout", DEFAULT_TIMEOUT), access);
    }

    /** STARTTLS is the default exactly when implicit TLS is off, except in the demo, whose server speaks plain text. */
    private static boolean starttls(YamlMap map, boolean demo, boolean ssl) {
        boolean starttls = map.bool("starttls", !demo && !ssl);
        if (ssl && starttls) {
            throw map.error(map.lineFor("starttls"), "starttls", map.child("starttls")
                    + " cannot be true when " + map.child("ssl") + " is true; set one of them to false");
        }
        return starttls;
    }

    static Storage storage(YamlMap root) {
        YamlMap map = root.map("storage", STORAGE_KEYS);
        ConfigValue url = map.value("database-url").orElse(null);
        if (url != null && !url.nonBlank().startsWith("jdbc:h2:") && !url.text().startsWith("jdbc:postgresql:")) {
            throw url.error(url.key() + " must be an H2 or PostgreSQL JDBC URL, such as jdbc:h2:file:./data/guichet"
                    + " or jdbc:postgresql://db.example.org/guichet");
        }
        return new Storage(url == null ? "jdbc:h2:file:./data/guichet" : url.text(),
                Path.of(map.text("attachments-dir", "./data/attachments")),
                Path.of(map.text("messages-dir", "./data/messages")),
                map.optionalText("database-user"), map.optionalText("database-password"));
    }

    static Tickets tickets(YamlMap root) {
        YamlMap map = root.map("tickets", TICKETS_KEYS);
        return new Tickets(map.text("tag", "Helpdesk"), map.integer("auto-close-days", 7, 1, Integer.MAX_VALUE),
                map.bool("cc-as-observers", true), map.value("retention-days")
                        .map(v -> OptionalInt.of(v.integer(1, Integer.MAX_VALUE)))
                        .orElse(OptionalInt.empty()),
                map.integer("waiting-reminder-days", Tickets.WAITING_REMINDER_DAYS, 1, Integer.MAX_VALUE),
                map.integer("waiting-close-days", Tickets.WAITING_CLOSE_DAYS, 1, Integer.MAX_VALUE));
    }

    /** {@code logging.format} and the opt-in {@code http} endpoint; it listens on the loopback unless told. */
    static Observability observability(YamlMap root) {
        YamlMap logging = root.map("logging", LOGGING_KEYS);
        ConfigValue format = logging.value("format").orElse(null);
        if (format != null && !List.of("text", "json").contains(format.text())) {
            throw format.error(format.key() + " must be text or json, not " + format.shown());
        }
        YamlMap http = root.map("http", HTTP_KEYS);
        return new Observability(format != null && format.text().equals("json") ? Observability.LogFormat.JSON
                : Observability.LogFormat.TEXT,
                http.value("port").map(v -> OptionalInt.of(v.integer(1, MAX_PORT)))
                        .orElse(OptionalInt.empty()),
                http.text("host", DEMO_HOST));
    }

    static Limits limits(YamlMap root) {
        YamlMap map = root.map("limits", LIMITS_KEYS);
        return new Limits(map.size("max-message-bytes", 50 * MIB), map.size("max-attachment-bytes", 25 * MIB),
                map.integer("notifications-per-ticket-per-10-minutes", 10, 1, Integer.MAX_VALUE),
                map.integer("new-tickets-per-sender-per-hour", 20, 1, Integer.MAX_VALUE),
                map.duration("parse-timeout", Limits.DEFAULT_PARSE_TIMEOUT),
                map.integer("notifications-per-recipient-per-hour", Limits.DEFAULT_PER_RECIPIENT_PER_HOUR, 1,
                        Integer.MAX_VALUE),
                map.size("max-forward-bytes", Limits.DEFAULT_MAX_FORWARD_BYTES));
    }

    static Security security(YamlMap root, MailSettings mail) {
        YamlMap map = root.map("security", SECURITY_KEYS);
        ConfigValue secret = map.required("secret");
        if (secret.text().length() < Security.MIN_SECRET_LENGTH) {
            // Only the length: the value itself must never reach a log.
            throw secret.error(secret.key() + " must be at least " + Security.MIN_SECRET_LENGTH
                    + " characters long, not " + secret.text().length() + "; use a long random string");
        }
        if (!mail.demoServer() && secret.text().equals(Security.DEMO_SECRET)) {
            throw secret.error(secret.key() + " is the demo's shipped secret, which everyone can read, and"
                    + " mail.demo-server is false; set a long random string of your own, such as ${env:GUICHET_SECRET}");
        }
        map.value("require-authenticated-agents").ifPresent(old -> {
            throw old.error(old.key() + " was replaced by " + map.child("require-proof")
                    + " (auto, true or false; auto, the default, requires proof outside the demo): remove it");
        });
        return new Security(secret.text(), requireProof(map), map.optionalText("trusted-authserv-id").strip());
    }

    private static Security.RequireProof requireProof(YamlMap map) {
        ConfigValue value = map.value("require-proof").orElse(null);
        if (value == null) {
            return Security.RequireProof.AUTO;
        }
        for (Security.RequireProof p : Security.RequireProof.values()) {
            if (p.code().equalsIgnoreCase(value.text().strip())) {
                return p;
            }
        }
        throw value.error(value.key() + " must be auto, true or false, not " + value.shown());
    }
}
