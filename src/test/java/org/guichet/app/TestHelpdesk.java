package org.guichet.app;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.guichet.config.ConfigLoader;
import org.guichet.config.GuichetConfig;
import org.guichet.testdb.TestDatabase;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A helpdesk for tests: a real GreenMail on the ports it binds itself, a real H2 in a temporary folder (or
 * PostgreSQL: TestDatabase), the shipped templates. Start one per test with {@link #extension()}, or by hand with
 * {@link #start(Path)}.
 */
final class TestHelpdesk implements Desk, AutoCloseable {
    static final String SUPPORT = "support@helpdesk.test";
    final int smtpPort;
    final int imapPort;
    final Path dir;
    final GreenMail mail;
    final Guichet guichet;
    private final UnaryOperator<String> edit;

    private TestHelpdesk(Path dir, UnaryOperator<String> edit, Clock clock) {
        this.dir = dir;
        this.edit = edit;
        // GreenMail binds free ports itself: no port is closed then bound again, which another test could take
        this.mail = startGreenMail(0, 0);
        this.smtpPort = mail.getSmtp().getPort();
        this.imapPort = mail.getImap().getPort();
        this.guichet = new Guichet(config(), Path.of("config/guichet.yml"), clock);
        guichet.database().migrate();
    }

    /** A helpdesk with its own GreenMail, as the tests' mail server. */
    static TestHelpdesk start(Path dir) {
        return new TestHelpdesk(dir, UnaryOperator.identity(), Clock.systemUTC());
    }

    /** The same, with the config text changed first (a limit, a timeout, a folder). */
    static TestHelpdesk start(Path dir, UnaryOperator<String> edit) {
        return new TestHelpdesk(dir, edit, Clock.systemUTC());
    }

    /** The same, with the config changed by {@code edit} and time from {@code clock}. */
    static TestHelpdesk start(Path dir, UnaryOperator<String> edit, Clock clock) {
        return new TestHelpdesk(dir, edit, clock);
    }

    GuichetConfig config() {
        return new ConfigLoader().load(yaml(false), "test.yml", name -> Optional.empty());
    }

    /** The config as a file: {@code demo} makes Guichet start its own embedded server on these ports. */
    String yaml(boolean demo) {
        return edit.apply(yaml(demo, smtpPort, imapPort, dir));
    }

    static String yaml(boolean demo, int smtpPort, int imapPort, Path dir) {
        return """
                helpdesk:
                  name: Test Helpdesk
                  address: support@helpdesk.test
                  locale: en
                mail:
                  demo-server: %s
                imap:
                  host: 127.0.0.1
                  port: %d
                  ssl: false
                  starttls: false
                  user: support@helpdesk.test
                  password: any
                  poll-interval: 1s
                  timeout: 10s
                  failover: 3s
                smtp:
                  host: 127.0.0.1
                  port: %d
                  ssl: false
                  starttls: false
                  timeout: 10s
                storage:
                %s  attachments-dir: %s
                  messages-dir: %s
                security:
                  secret: test-secret-0123456789
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
                    keywords: [network, vpn]
                    subcategories:
                      - name: Wi-Fi
                        keywords: [wifi, wi-fi, eduroam]
                  - name: Payroll
                    service: admin
                  - name: Unsorted
                    service: it
                default-category: Unsorted
                """.formatted(demo, imapPort, smtpPort, TestDatabase.of(dir).yaml("  "), dir.resolve("attachments"), dir.resolve("messages"));
    }

    /** A GreenMail on these ports; 0 lets it bind free ones, read back from its servers. */
    static GreenMail startGreenMail(int smtpPort, int imapPort) {
        ServerSetup smtp = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
            smtpPort == 0 ? smtp.dynamicPort() : smtp, imapPort == 0 ? imap.dynamicPort() : imap});
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication().withSieveIgnoreDetail());
        greenMail.start();
        return greenMail;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends raw RFC 5322 text through the server's SMTP port, as any mail client would. */
    void send(String raw) throws MessagingException {
        sendVia(smtpPort, raw);
    }

    static void sendVia(int port, String raw) throws MessagingException {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(port));
        Session session = Session.getInstance(p);
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))) {
            @Override
            protected void updateMessageID() throws MessagingException {
                if (getHeader("Message-ID") == null) {
                    super.updateMessageID();
                }
            }
        };
        Transport.send(message, message.getAllRecipients().length == 0
                ? new InternetAddress[] {new InternetAddress(SUPPORT)} : message.getAllRecipients());
    }

    /** Puts raw bytes in the support mailbox over IMAP APPEND, unchanged, as a server's delivery would. */
    void append(byte[] raw) throws MessagingException {
        Properties p = new Properties();
        Store store = Session.getInstance(p).getStore("imap");
        store.connect("127.0.0.1", imapPort, SUPPORT, "any");
        try {
            Folder inbox = store.getFolder("INBOX");
            MimeMessage message = new MimeMessage(Session.getInstance(p), new ByteArrayInputStream(raw));
            inbox.appendMessages(new Message[] {message});
        } finally {
            store.close();
        }
    }

    /** The mails in a user's folder, read over IMAP like a mail client. */
    List<MimeMessage> read(String user, String folder) throws MessagingException, IOException {
        return readVia(imapPort, user, folder);
    }

    static List<MimeMessage> readVia(int port, String user, String folderName) throws MessagingException, IOException {
        Properties p = new Properties();
        p.put("mail.imap.connectiontimeout", "5000");
        p.put("mail.imap.timeout", "5000");
        Store store = Session.getInstance(p).getStore("imap");
        store.connect("127.0.0.1", port, user, "any");
        try {
            return copies(store, folderName);
        } finally {
            store.close();
        }
    }

    /** Copies of the mails in a folder of a connected store, readable after it closes; none if it does not exist. */
    static List<MimeMessage> copies(Store store, String folderName) throws MessagingException {
        Folder folder = store.getFolder(folderName);
        if (!folder.exists()) {
            return List.of();
        }
        folder.open(Folder.READ_ONLY);
        List<MimeMessage> copies = new ArrayList<>();
        for (Message m : folder.getMessages()) {
            copies.add(new MimeMessage((MimeMessage) m));
        }
        folder.close(false);
        return copies;
    }

    /** Sends a mail and lets the daemon handle it, as one pass of {@code run --once}. */
    @Override
    public void deliver(String raw) throws Exception {
        send(raw);
        runOnce();
    }

    @Override
    public org.guichet.ticket.TicketDetail detail(long id) {
        return guichet.tickets().inTransaction(tx -> tx.detail(id)).orElseThrow();
    }

    org.guichet.ticket.Ticket ticket(long id) {
        return detail(id).summary().ticket();
    }

    List<org.guichet.ticket.TicketEvent> events(long id) {
        return detail(id).events();
    }

    int ticketCount() {
        return guichet.tickets().inTransaction(tx -> tx.list(org.guichet.ticket.TicketFilter.all())).size();
    }

    int runOnce() {
        return guichet.daemon().runOnce(new java.io.PrintWriter(java.io.Writer.nullWriter()));
    }

    /** The mails GreenMail delivered to this address so far, oldest first. */
    List<MimeMessage> received(String address) {
        return mail.findReceivedMessages(u -> u.getEmail().equalsIgnoreCase(address), m -> true).toList();
    }

    /** The plain text of a notification (the first part of its multipart/alternative). */
    static String text(MimeMessage message) {
        try {
            Object content = message.getContent();
            if (content instanceof jakarta.mail.Multipart multipart) {
                Object first = multipart.getBodyPart(0).getContent();
                if (first instanceof jakarta.mail.Multipart inner) {
                    return String.valueOf(inner.getBodyPart(0).getContent());
                }
                return String.valueOf(first);
            }
            return String.valueOf(content);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<Sent> sent(String address) {
        return received(address).stream().map(m -> new Sent(subject(m), text(m), replyTo(m))).toList();
    }

    private static String replyTo(MimeMessage message) {
        try {
            String header = message.getHeader("Reply-To", null);
            return header == null ? "" : header.strip();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The config as a file beside the helpdesk, written on first use, for the command line. */
    Path configFile() {
        Path file = dir.resolve("guichet.yml");
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, yaml(false));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** {@code guichet --config <this helpdesk's config> ...}, in-process. */
    Cli cli() {
        return Cli.with(configFile());
    }

    /** A helpdesk started before each test and stopped after it, in a folder of its own. */
    static Extension extension() {
        return new Extension(UnaryOperator.identity());
    }

    /** The same, with the config text changed first. */
    static Extension extension(UnaryOperator<String> edit) {
        return new Extension(edit);
    }

    /** Starts a {@link TestHelpdesk} before each test, stops it and removes its folder after. */
    static final class Extension implements BeforeEachCallback, AfterEachCallback {
        private final UnaryOperator<String> edit;
        private TestHelpdesk helpdesk;

        private Extension(UnaryOperator<String> edit) {
            this.edit = edit;
        }

        @Override
        public void beforeEach(ExtensionContext context) throws IOException {
            helpdesk = new TestHelpdesk(Files.createTempDirectory("guichet-test-"), edit, Clock.systemUTC());
        }

        @Override
        public void afterEach(ExtensionContext context) throws IOException {
            helpdesk.close();
            try (Stream<Path> files = Files.walk(helpdesk.dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }

        TestHelpdesk get() {
            return helpdesk;
        }
    }

    @Override
    public void close() {
        guichet.close();
        mail.stop();
    }
}
