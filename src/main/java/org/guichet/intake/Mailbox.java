package org.guichet.intake;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.iap.ResponseHandler;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.Status;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.guichet.DaemonThreads;
import org.guichet.config.Imap;
import org.guichet.connect.MailLogin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One open connection to the watched folder: list, fetch by UID in batches, move, wait with IDLE. */
final class Mailbox implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Mailbox.class);
    /** The one thread that ends IDLEs given a limit, for every mailbox: a NOOP each, a few a minute at most. */
    private static final ScheduledExecutorService IDLE_LIMITS = idleLimits();
    private final Imap imap;
    private final Store store;
    private final IMAPFolder folder;
    private volatile boolean idling;
    private volatile boolean wakeAsked;
    /** {@link #heard}, as one object: the folder's connection is given it, and takes it back when reopened. */
    private final ResponseHandler listener = this::heard;
    private long uidNextListed = -1;

    private Mailbox(Imap imap, Store store, IMAPFolder folder) {
        this.imap = imap;
        this.store = store;
        this.folder = folder;
    }

    static Mailbox open(Imap imap, MailLogin login) throws MessagingException {
        Session session = ImapSession.of(imap, login);
        Store store = session.getStore(ImapSession.protocol(imap));
        login.login((user, secret) -> {
            store.connect(imap.host(), imap.port(), user, secret);
            return store;
        });
        try {
            ensureFolder(store, imap.processedFolder());
            ensureFolder(store, imap.quarantineFolder());
            IMAPFolder folder = (IMAPFolder) store.getFolder(imap.folder());
            folder.open(Folder.READ_WRITE);
            Mailbox mailbox = new Mailbox(imap, store, folder);
            mailbox.listen();
            return mailbox;
        } catch (MessagingException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private void listen() throws MessagingException {
        folder.doCommand(protocol -> {
            protocol.addResponseHandler(listener);
            return null;
        });
    }

    /**
     * Selects the folder again, which makes the server count its messages afresh: the way to learn of a mail it
     * never announced on this connection.
     */
    private void reselect() throws MessagingException {
        folder.doCommand(protocol -> {
            protocol.removeResponseHandler(listener);
            return null;
        });
        folder.close(false);
        folder.open(Folder.READ_WRITE);
        listen();
    }

    private static void ensureFolder(Store store, String name) throws MessagingException {
        Folder f = store.getFolder(name);
        if (!f.exists() && !f.create(Folder.HOLDS_MESSAGES)) {
            throw new MessagingException("cannot create folder " + name);
        }
    }

    /**
     * How many messages the folder holds now. A NOOP first: a mail delivered since our last command is reported
     * by it, where some servers' IDLE would not report it until the next change. Mails moved away are not counted:
     * Jakarta Mail's own count keeps them until the folder is expunged or closed.
     */
    int count() throws MessagingException {
        noop();
        return present();
    }

    /** The messages this connection knows of in the folder, the ones moved away left out. */
    private int present() throws MessagingException {
        int present = 0;
        for (Message m : folder.getMessages()) {
            if (!m.isExpunged()) {
                present++;
            }
        }
        return present;
    }

    /**
     * Whether a mail was delivered to the folder since {@link #messages()} listed it, by the server's UIDNEXT (which
     * grows with every delivery), not by its notifications: a server may fail to announce a mail delivered while it
     * answers another command (GreenMail does, now and then), and IDLE would then wait for the next one.
     */
    boolean deliveredSinceListed() throws MessagingException {
        return uidNextListed < 0 || uidNext() > uidNextListed;
    }

    private long uidNext() throws MessagingException {
        return status().uidnext;
    }

    /** The server's own count of the folder's messages and its UIDNEXT, in one STATUS. */
    private Status status() throws MessagingException {
        String name = folder.getFullName();
        return (Status) folder.doCommand(protocol -> protocol.status(name, new String[] {"MESSAGES", "UIDNEXT"}));
    }

    private void noop() throws MessagingException {
        folder.doCommand(protocol -> {
            protocol.simpleCommand("NOOP", null);
            return null;
        });
    }

    long uidValidity() throws MessagingException {
        return folder.getUIDValidity();
    }

    /**
     * Every message in the folder, whatever its flags: \Seen set by a person must not hide a mail. Messages
     * expunged meanwhile (by our last move, reported late, or by someone else) are left out.
     */
    List<Message> messages() throws MessagingException {
        Status status = status();
        uidNextListed = status.uidnext;
        if (status.total > present()) {
            // the server holds mail this connection was never told of (GreenMail, now and then, loses the
            // announcement for good): a NOOP asks for it, and failing that a new SELECT counts the folder afresh
            noop();
            if (status.total > present()) {
                log.info("{}: the server holds {} mails where this connection knows of {}; selecting the folder"
                        + " again", describe(), status.total, present());
                reselect();
            }
        }
        Message[] all = folder.getMessages();
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.SIZE);
        // when the server received each mail, for the intake lag of /metrics: one more word in the same FETCH
        profile.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
        folder.fetch(all, profile);
        List<Message> present = new ArrayList<>();
        for (Message m : all) {
            if (!m.isExpunged()) {
                present.add(m);
            }
        }
        return present;
    }

    long uid(Message message) throws MessagingException {
        return folder.getUID(message);
    }

    /** The raw bytes of several messages in one UID FETCH: one round trip instead of one per message. */
    Map<Long, byte[]> fetchRaw(List<Long> uids) throws MessagingException {
        if (uids.isEmpty()) {
            return new HashMap<>();
        }
        String set = String.join(",", uids.stream().map(String::valueOf).toList());
        Object result = folder.doCommand(protocol -> {
            Response[] responses = protocol.command("UID FETCH " + set + " (UID BODY.PEEK[])", null);
            Map<Long, byte[]> bytes = new HashMap<>();
            for (Response r : responses) {
                if (r instanceof FetchResponse f && f.getItem(UID.class) != null && f.getItem(BODY.class) != null) {
                    bytes.put(f.getItem(UID.class).uid, f.getItem(BODY.class).getByteArrayInputStream().readAllBytes());
                }
            }
            protocol.notifyResponseHandlers(responses);
            protocol.handleResult(responses[responses.length - 1]);
            return bytes;
        });
        @SuppressWarnings("unchecked")
        Map<Long, byte[]> bytes = (Map<Long, byte[]>) result;
        return bytes;
    }

    /** The Message-ID from the envelope, without downloading the headers or the body. */
    Optional<String> messageId(Message message) throws MessagingException {
        FetchProfile profile = new FetchProfile();
        profile.add(FetchProfile.Item.ENVELOPE);
        folder.fetch(new Message[] {message}, profile);
        String id = ((IMAPMessage) message).getMessageID();
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        String trimmed = id.strip();
        return Optional.of(trimmed.startsWith("<") && trimmed.endsWith(">")
                ? trimmed.substring(1, trimmed.length() - 1) : trimmed);
    }

    /** Streams one message's raw bytes, for messages too large to fetch in a batch. */
    void writeRaw(Message message, OutputStream out) throws MessagingException, IOException {
        message.writeTo(out);
    }

    void moveToProcessed(List<Message> messages) throws MessagingException {
        move(messages, imap.processedFolder());
    }

    void moveToQuarantine(List<Message> messages) throws MessagingException {
        move(messages, imap.quarantineFolder());
    }

    private void move(List<Message> messages, String destination) throws MessagingException {
        if (messages.isEmpty()) {
            return;
        }
        Message[] array = messages.toArray(new Message[0]);
        Folder target = store.getFolder(destination);
        if (store instanceof org.eclipse.angus.mail.imap.IMAPStore s && s.hasCapability("MOVE")) {
            folder.moveMessages(array, target);
            return;
        }
        folder.copyMessages(array, target);
        folder.setFlags(array, new Flags(Flags.Flag.DELETED), true);
        // only these messages: a UID EXPUNGE where the server has UIDPLUS
        folder.expunge(array);
    }

    boolean supportsIdle() throws MessagingException {
        return store instanceof org.eclipse.angus.mail.imap.IMAPStore s && s.hasCapability("IDLE");
    }

    /**
     * Waits in IDLE until the server reports a change, another thread renews or stops the wait, or {@code atMost}
     * has passed. A server may report a mail delivered just before the IDLE (after our last look) together with its
     * answer to the IDLE command; Jakarta Mail counts it but goes on waiting, so {@link #heard} ends the wait then.
     * (Not a MessageCountListener: with one, Jakarta Mail keeps moved mails in the folder's count.)
     */
    void idle(Optional<Duration> atMost) throws MessagingException {
        if (wakeAsked) {
            wakeAsked = false;
            return; // asked to look again before the wait began
        }
        idling = true;
        Optional<ScheduledFuture<?>> limit = atMost.map(d -> IDLE_LIMITS.schedule(this::wakeUp, d.toMillis(),
                TimeUnit.MILLISECONDS));
        try {
            folder.idle(true);
        } finally {
            limit.ifPresent(f -> f.cancel(false));
            idling = false;
            wakeAsked = false;
        }
    }

    /**
     * Ends a running IDLE from another thread: any command on the folder does, a NOOP changes nothing. Asked just
     * before the IDLE starts, the wait ends as soon as the server has answered the IDLE command (see {@link #heard}).
     */
    void interruptIdle() throws MessagingException {
        wakeAsked = true;
        noop();
    }

    /**
     * Every response the server sends on this connection, seen as Jakarta Mail reads it (holding the folder's
     * locks): while idling, a new mail announced, or the server's go-ahead for an IDLE that was asked to end before
     * it began, ends the IDLE, from a thread of its own once those locks are released.
     */
    private void heard(Response response) {
        if (idling && ((response.isContinuation() && wakeAsked)
                || (response instanceof IMAPResponse r && r.keyEquals("EXISTS")))) {
            Thread waker = new Thread(this::wakeUp, "guichet-idle-wake");
            waker.setDaemon(true);
            waker.start();
        }
    }

    private void wakeUp() {
        try {
            noop();
        } catch (MessagingException | RuntimeException e) {
            // the connection is failing: the intake thread finds out and reconnects
        }
    }

    private static ScheduledExecutorService idleLimits() {
        ScheduledThreadPoolExecutor limits = new ScheduledThreadPoolExecutor(1,
                DaemonThreads.named("guichet-idle-limit"));
        limits.setRemoveOnCancelPolicy(true); // most limits are cancelled: a mail ended the IDLE first
        return limits;
    }

    String describe() {
        return imap.user() + "@" + imap.host() + ":" + imap.port() + "/" + imap.folder();
    }

    @Override
    public void close() {
        try {
            if (folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException ignored) {
            // closing a broken connection: nothing more to do
        }
        try {
            store.close();
        } catch (MessagingException | RuntimeException ignored) {
            // same
        }
    }
}
