package org.guichet.app;

import static org.awaitility.Awaitility.await;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.guichet.config.ConfigLoader;
import org.guichet.config.GuichetConfig;

/**
 * A helpdesk on the real servers of {@link RealMailServers}: Guichet reads support@helpdesk.test over IMAPS or
 * STARTTLS and sends through Dovecot's submission port, with a real H2; requesters' mail arrives through
 * OpenSMTPD, and what people receive is read back from their own mailboxes over IMAPS.
 */
final class RealMailHelpdesk implements AutoCloseable {
    static final String SUPPORT = "support@helpdesk.test";

    /** How Guichet reaches the servers. */
    enum Tls { IMPLICIT, STARTTLS }

    final RealMailServers servers;
    final Path dir;
    final Guichet guichet;
    final String yaml;

    RealMailHelpdesk(RealMailServers servers, Path dir, Tls tls, UnaryOperator<String> edit, Clock clock) {
        this.servers = servers;
        this.dir = dir;
        this.yaml = edit.apply(yaml(servers, dir, tls));
        this.guichet = new Guichet(config(), dir.resolve("guichet.yml"), clock);
        guichet.database().migrate();
    }

    GuichetConfig config() {
        return new ConfigLoader().load(yaml, dir.resolve("guichet.yml").toString(), name -> Optional.empty());
    }

    static String yaml(RealMailServers servers, Path dir, Tls tls) {
        boolean implicit = tls == Tls.IMPLICIT;
        String db = dir.resolve("db").resolve("guichet").toString();
        return """
                helpdesk:
                  name: Test Helpdesk
                  address: support@helpdesk.test
                  locale: en
                imap:
                  host: 127.0.0.1
                  port: %d
                  ssl: %s
                  starttls: %s
                  trust-store: %s
                  user: support@helpdesk.test
                  password: support
                  poll-interval: 1s
                  timeout: 10s
                smtp:
                  host: 127.0.0.1
                  port: %d
                  ssl: %s
                  starttls: %s
                  trust-store: %s
                  user: support@helpdesk.test
                  password: support
                  timeout: 10s
                storage:
                  database-url: jdbc:h2:file:%s
                  attachments-dir: %s
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
                    keywords: [network, vpn, wifi]
                  - name: Unsorted
                    service: it
                default-category: Unsorted
                """.formatted(implicit ? servers.imapsPort : servers.imapPort, implicit, !implicit, servers.caPem(),
                implicit ? servers.submissionsPort : servers.submissionPort, implicit, !implicit, servers.caPem(),
                db, dir.resolve("attachments"), dir.resolve("messages"));
    }

    /** A requester's or agent's mail, through OpenSMTPD as any MTA would hand it over; waits for its delivery. */
    void send(String raw) throws Exception {
        int before = count(SUPPORT, "INBOX");
        TestHelpdesk.sendVia(servers.smtpPort, raw);
        await().atMost(Duration.ofSeconds(20)).until(() -> count(SUPPORT, "INBOX") > before);
    }

    /** Sends a mail, lets Guichet handle it as one {@code run --once}, and waits until its notifications arrived. */
    String deliver(String raw) throws Exception {
        send(raw);
        return runOnce();
    }

    /**
     * One pass of {@code guichet run --once}; waits until every notification it sent was delivered and OpenSMTPD's
     * queue is empty, so that no mail of this pass (one the server took although Guichet gave up waiting for its
     * answer, say) can land during a later step, or in the next test's mailboxes.
     */
    String runOnce() {
        long before = deliveredElsewhere();
        StringWriter out = new StringWriter();
        guichet.daemon().runOnce(new PrintWriter(out, true));
        java.util.regex.Matcher sent = java.util.regex.Pattern.compile("(\\d+) notification\\(s\\) sent")
                .matcher(out.toString());
        int notifications = sent.find() ? Integer.parseInt(sent.group(1)) : 0;
        await().atMost(Duration.ofSeconds(20))
                .until(() -> deliveredElsewhere() >= before + notifications && servers.queueEmpty());
        return out.toString();
    }

    /** Waits until OpenSMTPD delivered everything it accepted: nothing of this helpdesk is left in flight. */
    void settle() {
        await().atMost(Duration.ofSeconds(30)).until(servers::queueEmpty);
    }

    /**
     * Mails in every mailbox but support's: each notification lands in exactly one. Dovecot writes and removes its
     * own files meanwhile (tmp/, locks): a walk that meets one vanishing is done again.
     */
    private long deliveredElsewhere() {
        Path mail = servers.dir.resolve("mail");
        Path support = servers.maildir(SUPPORT);
        for (int attempt = 1; ; attempt++) {
            try (Stream<Path> files = Files.walk(mail)) {
                return files.filter(f -> !f.startsWith(support)).filter(f -> {
                    String parent = f.getParent().getFileName().toString();
                    return (parent.equals("new") || parent.equals("cur")) && Files.isRegularFile(f);
                }).count();
            } catch (IOException | UncheckedIOException e) {
                if (attempt == 10) {
                    throw e instanceof IOException io ? new UncheckedIOException(io) : (UncheckedIOException) e;
                }
            }
        }
    }

    /** The mails in a mailbox's folder, read over IMAPS like a mail client; the password is the local part. */
    List<MimeMessage> read(String address, String folderName) throws MessagingException {
        Store store = store(address);
        try {
            return TestHelpdesk.copies(store, folderName);
        } finally {
            store.close();
        }
    }

    int count(String address, String folderName) throws MessagingException {
        Store store = store(address);
        try {
            Folder folder = store.getFolder(folderName);
            return folder.exists() ? folder.getMessageCount() : 0;
        } finally {
            store.close();
        }
    }

    List<MimeMessage> received(String address) throws MessagingException {
        return read(address, "INBOX");
    }

    MimeMessage last(String address) throws MessagingException {
        List<MimeMessage> mails = received(address);
        if (mails.isEmpty()) {
            throw new AssertionError("no mail received by " + address);
        }
        return mails.get(mails.size() - 1);
    }

    /** Puts raw bytes into a mailbox's folder with IMAP APPEND, unchanged. */
    void append(String address, String folderName, byte[] raw) throws MessagingException {
        Store store = store(address);
        try {
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                folder.create(Folder.HOLDS_MESSAGES);
            }
            Session session = Session.getInstance(new Properties());
            folder.appendMessages(new Message[] {new MimeMessage(session, new java.io.ByteArrayInputStream(raw))});
        } finally {
            store.close();
        }
    }

    private Store store(String address) throws MessagingException {
        Properties p = new Properties();
        p.put("mail.imaps.ssl.trust", "*"); // the test's own reading client; Guichet's checks are what is tested
        p.put("mail.imaps.connectiontimeout", "5000");
        p.put("mail.imaps.timeout", "10000");
        Store store = Session.getInstance(p).getStore("imaps");
        store.connect("127.0.0.1", servers.imapsPort, address, address.substring(0, address.indexOf('@')));
        return store;
    }

    org.guichet.ticket.Ticket ticket(long id) {
        return guichet.tickets().inTransaction(tx -> tx.detail(id)).orElseThrow().summary().ticket();
    }

    int ticketCount() {
        return guichet.tickets().inTransaction(tx -> tx.list(org.guichet.ticket.TicketFilter.all())).size();
    }

    /** Closes Guichet once the servers delivered all this helpdesk's mail: the next test starts with none in flight. */
    @Override
    public void close() {
        try {
            settle();
        } finally {
            guichet.close();
        }
    }
}
