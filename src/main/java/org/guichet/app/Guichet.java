package org.guichet.app;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Objects;
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
import org.guichet.config.MailboxSettings;
import java.util.ArrayList;
import org.guichet.connect.MailLogin;
import org.guichet.importer.Importer;
import org.guichet.intake.ImapIntake;
import org.guichet.notify.MustacheTemplates;
import org.guichet.notify.OutboxDelivery;
import org.guichet.parse.AttachmentSink;
import org.guichet.parse.InboundMail;
import org.guichet.parse.MailParser;
import org.guichet.parse.MimeSettings;
import org.guichet.pipeline.MailProcessor;
import org.guichet.route.PlusAddress;
import org.guichet.route.Preview;
import org.guichet.route.Previewer;
import org.guichet.route.TicketDirectory;
import org.guichet.route.TicketRef;
import org.guichet.route.Router;
import org.guichet.route.SubjectTag;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.guichet.intake.ImapCheck;
import org.guichet.notify.SmtpCheck;
import org.guichet.ops.AttachmentExport;
import org.guichet.ops.Backups;
import org.guichet.ops.Health;
import org.guichet.ops.Metrics;
import org.guichet.ops.Retention;
import org.guichet.store.BlobStore;
import org.guichet.store.DatabaseBackup;
import org.guichet.store.OperationsFigures;
import org.guichet.store.Purge;
import org.guichet.store.Database;
import org.guichet.store.ImportLedger;
import org.guichet.store.IntakeLease;
import org.guichet.store.Leases;
import org.guichet.store.JdbcTicketStore;
import org.guichet.store.MailLog;
import org.guichet.store.MailboxStates;
import org.guichet.store.QuarantinedMail;
import org.guichet.store.Outbox;
import org.guichet.ticket.Administration;
import org.guichet.ticket.Audience;
import org.guichet.sla.Timekeeper;
import org.guichet.ticket.AutoClose;
import org.guichet.ticket.HeldDigests;
import org.guichet.ticket.ChangeRecorder;
import org.guichet.ticket.DecisionApplier;
import org.guichet.ticket.Event;
import org.guichet.ticket.Notices;
import org.guichet.ticket.Notifier;
import org.guichet.ticket.TicketActions;
import org.guichet.ticket.TicketStore;
import org.guichet.ticket.TxDirectory;

/**
 * The composition root: every long-lived object of the program is built here, once, by hand, from the config;
 * the methods below only hand them out.
 */
public final class Guichet implements Backend {
    private static final int MAX_ATTEMPTS = 3;
    private final GuichetConfig config;
    private final Path configFile;
    private final Clock clock;
    private final Database database;
    private final TicketStore tickets;
    private final Outbox outbox;
    private final MailLog mailLog;
    private final IntakeLease intakeLease;
    private final BlobStore rawStore;
    private final BlobStore attachments;
    private final MailParser readOnlyParser;
    private final Previewer previewer;
    private final MailProcessor mailProcessor;
    private final MailProcessor retryProcessor;
    private final MailProcessor silentImportProcessor;
    private final ImapIntake intake;
    private final OutboxDelivery delivery;
    private final AutoClose autoClose;
    private final HeldDigests heldDigests;
    private final Timekeeper timekeeper;
    private final OperationsFigures figures;
    private final Metrics metrics;
    private final MailLogin imapLogin;
    private final MailLogin smtpLogin;
    private final Administration administration;
    private final List<WatchedMailbox> mailboxes;
    private final MailboxStates mailboxStates;
    /** The dry run of the mailboxes with their own default category, by their address. */
    private final Map<String, Previewer> previewers = new LinkedHashMap<>();
    /** The retry of a quarantined mail of those mailboxes, by their name. */
    private final Map<String, MailProcessor> retryProcessors = new LinkedHashMap<>();

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
        this.mailLog = new MailLog(database, clock);
        this.intakeLease = new IntakeLease(new Leases(database), InstanceName.of(), config.imap().failover());
        // the parser streams large mails from the kept file: no share of the heap is reserved per mail
        Limits limits = config.limits();
        SubjectTag tag = new SubjectTag(config.tickets().tag());
        // replies to any of our addresses thread; each mailbox writes its own reply addresses
        PlusAddress plus = new PlusAddress(config.supportAddresses(), config.security().secret());
        this.attachments = new BlobStore(config.storage().attachmentsDir());
        this.rawStore = new BlobStore(config.storage().messagesDir());
        MustacheTemplates templates = new MustacheTemplates(templatesDir(), config.helpdesk().locale());
        Notices notices = new Notices(config, tag, plus, templates);
        Notifier notifier = new Notifier(new Audience(config), notices,
                config.limits().notificationsPerTicketPer10Minutes(), config.limits().notificationsPerRecipientPerHour(),
                config.limits().maxForwardBytes());
        this.heldDigests = new HeldDigests(tickets, notices, config.limits().notificationsPerRecipientPerHour(), clock);
        Router router = new Router(config, tag, plus);
        MailParser parser = new MailParser(attachments.bounded(limits.maxAttachmentBytes()));
        DecisionApplier applier = new DecisionApplier(config, tag, notifier, clock);
        this.readOnlyParser = new MailParser(AttachmentSink.hashingOnly());
        this.previewer = new Previewer(router);
        this.mailProcessor = new MailProcessor(rawStore, parser, router, tickets, applier, clock, MAX_ATTEMPTS, limits);
        // one attempt: a mail that fails again goes straight back to quarantine with the new reason
        this.retryProcessor = new MailProcessor(rawStore, parser, router, tickets, applier, clock, 1, limits);
        this.silentImportProcessor = new MailProcessor(rawStore, parser, router, tickets, new DecisionApplier(config,
                tag, notifier.silencing(Set.of(Event.ACKNOWLEDGEMENT)), clock), clock, MAX_ATTEMPTS, limits);
        this.figures = new OperationsFigures(database);
        this.metrics = new Metrics(figures, clock);
        // each login built once: an OAuth2 token is kept from one connection to the next
        this.mailboxes = watched(config, tag, plus, parser, applier);
        this.imapLogin = mailboxes.get(0).login();
        this.intake = mailboxes.get(0).intake();
        this.mailboxStates = new MailboxStates(database, clock);
        this.smtpLogin = OutboxDelivery.newLogin(config.smtp(), clock);
        // each mailbox's notifications go out From its address, through its own server or the shared one
        this.delivery = new OutboxDelivery(outbox, config.mailboxes().stream().map(m -> new OutboxDelivery.Sender(
                m.name(), m.address(), m.smtpOr(config.smtp()),
                m.smtp().map(own -> OutboxDelivery.newLogin(own, clock)).orElse(smtpLogin))).toList(),
                attachments, clock, metrics);
        this.autoClose = new AutoClose(tickets, new TicketActions(config), new ChangeRecorder(notifier),
                config.tickets().autoCloseDays(), clock);
        this.administration = new Administration(config, tickets, notifier, attachments, clock);
        this.timekeeper = new Timekeeper(config, tickets, notifier, clock);
    }

    /**
     * Each mailbox read by its own intake, with its own login; a mailbox with its own default category has its own
     * router, the others share the one of the config's default category.
     */
    private List<WatchedMailbox> watched(GuichetConfig config, SubjectTag tag, PlusAddress plus, MailParser parser,
            DecisionApplier applier) {
        List<WatchedMailbox> all = new ArrayList<>();
        for (MailboxSettings m : config.mailboxes()) {
            Router own = new Router(config, tag, plus, m.defaultCategory().orElse(config.defaultCategory()));
            MailProcessor processor = m.defaultCategory().isEmpty() ? mailProcessor
                    : new MailProcessor(rawStore, parser, own, tickets, applier, clock, MAX_ATTEMPTS, config.limits());
            m.defaultCategory().ifPresent(c -> {
                previewers.put(m.address(), new Previewer(own));
                retryProcessors.put(m.name(), new MailProcessor(rawStore, parser, own, tickets, applier, clock, 1,
                        config.limits()));
            });
            MailLogin login = ImapIntake.newLogin(m.imap(), clock);
            all.add(new WatchedMailbox(m, login, new ImapIntake(m.name(), m.imap(), login,
                    config.limits().maxMessageBytes(), processor, config.storage().messagesDir().resolve("spool"),
                    mailLog, metrics)));
        }
        return List.copyOf(all);
    }

    public static Guichet open(Path configFile) {
        GuichetConfig config = new ConfigLoader().load(configFile);
        // before anything logs, so that every line of the process has the chosen format
        LogFormat.apply(config.observability());
        return new Guichet(config, configFile, Clock.systemUTC());
    }

    @Override
    public GuichetConfig config() {
        return config;
    }

    @Override
    public Clock clock() {
        return clock;
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
        return readOnlyParser.parse(raw);
    }

    /** Against the tickets in the database; a database not migrated yet has no tickets to thread onto. */
    @Override
    public Preview preview(InboundMail mail) {
        if (database.migrations().stream().noneMatch(m -> m.getState().isApplied())) {
            return previewerFor(mail).preview(mail, NO_TICKETS);
        }
        return tickets.inTransaction(tx -> previewerFor(mail).preview(mail, new TxDirectory(tx)));
    }

    /** As the daemon would read it: a mail to rh@ falls back on rh's default category. */
    private Previewer previewerFor(InboundMail mail) {
        return java.util.stream.Stream.concat(mail.to().stream(), mail.cc().stream())
                .map(a -> previewers.get(a.address().toLowerCase(java.util.Locale.ROOT))).filter(Objects::nonNull)
                .findFirst().orElse(previewer);
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
        return new QuarantineRetry(mailLog, rawStore, retryProcessor, retryProcessors, config).retry(id);
    }

    @Override
    public List<Check> checkConnections() {
        return ConnectionChecks.run(config, database, this::imapLogin, this::smtpLogin, mailboxes, clock);
    }

    /** The handler of received mail: raw store, parser, router, and the ticket domain. */
    public MailProcessor mailProcessor() {
        return mailProcessor;
    }

    /** {@code guichet import}: the same handler as intake; acknowledgements only when asked for. */
    @Override
    public Importer importer(boolean acknowledge) {
        return new Importer(acknowledge ? mailProcessor : silentImportProcessor, new ImportLedger(database),
                config.storage().messagesDir().resolve("spool"));
    }

    public AutoClose autoClose() {
        return autoClose;
    }

    /** The job that sends, as digests, the notifications held past a recipient's hourly ceiling. */
    public HeldDigests heldDigests() {
        return heldDigests;
    }

    /** Reminders, escalations, waiting tickets and the morning digest: the jobs run on every scheduler tick. */
    public Timekeeper timekeeper() {
        return timekeeper;
    }

    BlobStore rawStore() {
        return rawStore;
    }

    /** The intake of the first mailbox. */
    public ImapIntake intake() {
        return intake;
    }

    /** Every mailbox with its intake, the first one first. */
    public List<WatchedMailbox> mailboxes() {
        return mailboxes;
    }

    /** Where the daemon's watchers tell how each mailbox fares. */
    public MailboxStates mailboxReport() {
        return mailboxStates;
    }

    @Override
    public List<MailboxStates.State> mailboxStates() {
        return mailboxes.stream().map(m -> mailboxStates.of(m.name(), m == mailboxes.get(0))).toList();
    }

    /** The turn to read the mailbox, when several instances share it. */
    public IntakeLease intakeLease() {
        return intakeLease;
    }

    public MailLog mailLog() {
        return mailLog;
    }

    public OutboxDelivery delivery() {
        return delivery;
    }

    MailLogin imapLogin() {
        return imapLogin;
    }

    MailLogin smtpLogin() {
        return smtpLogin;
    }

    /** Notification templates sit beside the config file, in {@code templates/<locale>/}. */
    Path templatesDir() {
        Path parent = configFile.toAbsolutePath().getParent();
        return parent.resolve("templates");
    }

    // Operations (issue 18): backup, retention, exports, health and metrics.

    @Override
    public BlobStore rawMailStore() {
        return rawStore;
    }

    @Override
    public AttachmentExport attachmentExport() {
        return new AttachmentExport(attachments);
    }

    @Override
    public Backups backups() {
        return new Backups(config.storage(), new DatabaseBackup(database), clock);
    }

    @Override
    public Retention retention() {
        return new Retention(new Purge(database), attachments, rawStore, config.tickets().retentionDays(), clock);
    }

    /** Live checks for the command line; the daemon's endpoint remembers each login for {@code remember}. */
    @Override
    public Health health() {
        return health(Duration.ZERO);
    }

    Health health(Duration remember) {
        Map<String, Supplier<String>> probes = new LinkedHashMap<>();
        if (mailboxes.size() == 1) {
            probes.put("imap", () -> ImapCheck.login(config.imap()));
            probes.put("smtp", () -> SmtpCheck.login(config.smtp()));
        } else {
            // one check per mailbox, with what the daemon last saw of it: a mailbox that is down shows by its name
            for (WatchedMailbox m : mailboxes) {
                boolean first = m == mailboxes.get(0);
                probes.put("imap:" + m.name(), () -> ImapCheck.login(m.settings().imap()) + "; "
                        + MailboxView.describe(mailboxStates.of(m.name(), first), clock.instant()));
            }
            probes.put("smtp", () -> SmtpCheck.login(config.smtp()));
            mailboxes.stream().filter(m -> m.settings().smtp().isPresent()).forEach(m -> probes.put("smtp:"
                    + m.name(), () -> SmtpCheck.login(m.settings().smtp().get())));
        }
        return new Health(figures, probes, clock, remember);
    }

    Metrics metrics() {
        return metrics;
    }

    @Override
    public Administration administration() {
        return administration;
    }

    @Override
    public void close() {
        database.close();
    }
}
