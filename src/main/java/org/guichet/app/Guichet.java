package org.guichet.app;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.guichet.cli.Backend;
import org.guichet.cli.Check;
import org.guichet.cli.DaemonRunner;
import org.guichet.cli.RetryOutcome;
import org.guichet.config.ConfigLoader;
import org.guichet.config.GuichetConfig;
import org.guichet.config.Limits;
import org.guichet.importer.Importer;
import org.guichet.intake.ImapIntake;
import org.guichet.notify.MustacheTemplates;
import org.guichet.notify.OutboxDelivery;
import org.guichet.parse.AttachmentSink;
import org.guichet.parse.InboundMail;
import org.guichet.parse.MailParser;
import org.guichet.parse.MimeSettings;
import org.guichet.route.PlusAddress;
import org.guichet.route.Preview;
import org.guichet.route.Previewer;
import org.guichet.route.TicketDirectory;
import org.guichet.route.TicketRef;
import org.guichet.route.Router;
import org.guichet.route.SubjectTag;
import org.guichet.store.BlobStore;
import org.guichet.store.Database;
import org.guichet.store.ImportLedger;
import org.guichet.store.IntakeLease;
import org.guichet.store.Leases;
import org.guichet.store.JdbcTicketStore;
import org.guichet.store.MailLog;
import org.guichet.store.QuarantinedMail;
import org.guichet.store.Outbox;
import org.guichet.ticket.Audience;
import org.guichet.ticket.AutoClose;
import org.guichet.ticket.DecisionApplier;
import org.guichet.ticket.Event;
import org.guichet.ticket.MailProcessor;
import org.guichet.ticket.Notices;
import org.guichet.ticket.Notifier;
import org.guichet.ticket.TicketActions;
import org.guichet.ticket.TicketStore;
import org.guichet.ticket.TxDirectory;

/** The composition root: every object of the program is built here, by hand, from the config. */
public final class Guichet implements Backend {
    private static final int MAX_ATTEMPTS = 3;
    private final GuichetConfig config;
    private final Path configFile;
    private final Clock clock;
    private final Database database;
    private final TicketStore tickets;
    private final Outbox outbox;
    private final MailLog mailLog;
    private final Limits limits;
    private final IntakeLease intakeLease;

    public Guichet(GuichetConfig config, Path configFile, Clock clock) {
        // Jakarta Mail reads its leniency settings once, at first use: set them before intake or notify do
        MimeSettings.apply();
        this.config = config;
        this.configFile = configFile;
        this.clock = clock;
        this.database = new Database(config.storage().databaseUrl(), config.storage().databaseUser(),
                config.storage().databasePassword());
        this.tickets = new JdbcTicketStore(database);
        this.outbox = new Outbox(database);
        this.mailLog = new MailLog(database);
        this.limits = HeapBudget.fit(config.limits(), Runtime.getRuntime().maxMemory());
        this.intakeLease = new IntakeLease(new Leases(database), InstanceName.of(), config.imap().failover());
    }

    public static Guichet open(Path configFile) {
        return new Guichet(new ConfigLoader().load(configFile), configFile, Clock.systemUTC());
    }

    @Override
    public GuichetConfig config() {
        return config;
    }

    @Override
    public Database database() {
        return database;
    }

    @Override
    public TicketStore tickets() {
        return tickets;
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }

    @Override
    public InboundMail readMail(InputStream raw) {
        return new MailParser(AttachmentSink.hashingOnly()).parse(raw);
    }

    /** Against the tickets in the database; a database not migrated yet has no tickets to thread onto. */
    @Override
    public Preview preview(InboundMail mail) {
        Previewer previewer = new Previewer(config, new Router(config, tag(), plus()));
        if (database.migrations().stream().noneMatch(m -> m.getState().isApplied())) {
            return previewer.preview(mail, NO_TICKETS);
        }
        return tickets.inTransaction(tx -> previewer.preview(mail, new TxDirectory(tx)));
    }

    private static final TicketDirectory NO_TICKETS = new TicketDirectory() {
        @Override
        public Optional<TicketRef> byNumber(long number) {
            return Optional.empty();
        }

        @Override
        public Optional<TicketRef> byMessageIds(Collection<String> messageIds) {
            return Optional.empty();
        }
    };

    @Override
    public int deliverOutbox() {
        return delivery().deliverDue();
    }

    @Override
    public DaemonRunner daemon() {
        return new Daemon(this);
    }

    @Override
    public List<QuarantinedMail> quarantined() {
        return mailLog.quarantined();
    }

    @Override
    public RetryOutcome retryQuarantined(long id) {
        // one attempt: a mail that fails again goes straight back to quarantine with the new reason
        return new QuarantineRetry(mailLog, rawStore(), mailProcessor(1), config.imap()).retry(id);
    }

    @Override
    public List<Check> checkConnections() {
        return ConnectionChecks.run(config, database);
    }

    /** The handler of received mail: raw store, parser, router, and the ticket domain. */
    public MailProcessor mailProcessor() {
        return mailProcessor(MAX_ATTEMPTS, notifier());
    }

    /** The same, quarantining after {@code maxAttempts} failures: 1 for {@code quarantine retry}. */
    MailProcessor mailProcessor(int maxAttempts) {
        return mailProcessor(maxAttempts, notifier());
    }

    private MailProcessor mailProcessor(int maxAttempts, Notifier notifier) {
        SubjectTag tag = tag();
        AttachmentSink attachments = attachments().bounded(limits.maxAttachmentBytes());
        return new MailProcessor(rawStore(), new MailParser(attachments), new Router(config, tag, plus()),
                tickets, new DecisionApplier(config, tag, notifier, clock), clock, maxAttempts, limits);
    }

    /** {@code guichet import}: the same handler as intake; acknowledgements only when asked for. */
    @Override
    public Importer importer(boolean acknowledge) {
        Notifier notifier = acknowledge ? notifier() : notifier().silencing(Set.of(Event.ACKNOWLEDGEMENT));
        return new Importer(mailProcessor(MAX_ATTEMPTS, notifier), new ImportLedger(database),
                config.storage().messagesDir().resolve("spool"));    }

    public AutoClose autoClose() {
        return new AutoClose(tickets, new TicketActions(config, notifier()), config.tickets().autoCloseDays(), clock);
    }

    private Notifier notifier() {
        MustacheTemplates templates = new MustacheTemplates(templatesDir(), config.helpdesk().locale());
        Notices notices = new Notices(config, tag(), plus(), templates);
        return new Notifier(new Audience(config), notices, config.limits().notificationsPerTicketPer10Minutes());
    }

    private SubjectTag tag() {
        return new SubjectTag(config.tickets().tag());
    }

    private PlusAddress plus() {
        return new PlusAddress(config.helpdesk().address(), config.security().secret());
    }

    private BlobStore attachments() {
        return new BlobStore(config.storage().attachmentsDir());
    }

    BlobStore rawStore() {
        return new BlobStore(config.storage().messagesDir());
    }

    public ImapIntake intake() {
        return new ImapIntake(config.imap(), limits.maxMessageBytes(), mailProcessor(),
                config.storage().messagesDir().resolve("spool"), mailLog);
    }

    /** The turn to read the mailbox, when several instances share it. */
    public IntakeLease intakeLease() {
        return intakeLease;
    }

    public MailLog mailLog() {
        return mailLog;
    }

    public OutboxDelivery delivery() {
        return new OutboxDelivery(outbox, config.smtp(), config.helpdesk().address(), attachments(), clock);
    }

    /** Notification templates sit beside the config file, in {@code templates/<locale>/}. */
    Path templatesDir() {
        Path parent = configFile.toAbsolutePath().getParent();
        return parent.resolve("templates");
    }

    @Override
    public void close() {
        database.close();
    }
}
