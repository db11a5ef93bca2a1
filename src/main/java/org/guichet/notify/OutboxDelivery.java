package org.guichet.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.guichet.config.Smtp;
import org.guichet.connect.MailFailure;
import org.guichet.connect.MailLogin;
import org.guichet.store.BlobStore;
import org.guichet.store.Outbox;
import org.guichet.store.OutboxEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox over SMTP: one connection for a batch, each notification marked sent only after the
 * server accepted it; a temporary failure is retried with exponential backoff, a permanent one (5xx) is
 * marked failed after one try and blocks nothing.
 */
public final class OutboxDelivery {
    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);
    private static final int BATCH = 100;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LONGEST_RETRY = Duration.ofHours(1);

    private final Outbox outbox;
    private final Clock clock;
    private final DeliveryListener listener;
    private final List<Channel> channels;

    /**
     * One way out: the name of a mailbox, the address its notifications are From, and the SMTP server (with its
     * login, built once) they go through.
     */
    public record Sender(String mailbox, String address, Smtp smtp, MailLogin login) {
    }

    /** A sender with its session and message builder, made once. */
    private record Channel(Sender sender, Session session, MimeBuilder builder) {
        Smtp smtp() {
            return sender.smtp();
        }
    }

    public OutboxDelivery(Outbox outbox, Smtp smtp, String fromAddress, BlobStore attachments, Clock clock) {
        this(outbox, smtp, SmtpSession.login(smtp, clock), fromAddress, attachments, clock, DeliveryListener.NONE);
    }

    /** With the server's login built once by the caller, so that an OAuth2 token outlives one delivery. */
    public OutboxDelivery(Outbox outbox, Smtp smtp, MailLogin login, String fromAddress, BlobStore attachments,
            Clock clock, DeliveryListener listener) {
        this(outbox, List.of(new Sender("", fromAddress, smtp, login)), attachments, clock, listener);
    }

    /**
     * Each notification goes out through the sender of its mailbox; the first sender takes those of no mailbox, or
     * of a mailbox the config no longer has.
     */
    public OutboxDelivery(Outbox outbox, List<Sender> senders, BlobStore attachments, Clock clock,
            DeliveryListener listener) {
        this.listener = listener;
        this.outbox = outbox;
        this.clock = clock;
        this.channels = senders.stream().map(s -> {
            Session session = SmtpSession.of(s.smtp(), s.login());
            return new Channel(s, session, new MimeBuilder(session, s.address(), attachments));
        }).toList();
    }

    /** The login for this server, to build once in the composition root. */
    public static MailLogin newLogin(Smtp smtp, Clock clock) {
        return SmtpSession.login(smtp, clock);
    }

    /** What became of one notification in a delivery pass. */
    private enum Result {
        SENT, FAILED, RETRY, DISCONNECTED
    }

    /**
     * Sends what is due now; returns how many were sent. Each notification is claimed first, so that several
     * instances delivering the same outbox send each one once.
     */
    public int deliverDue() {
        List<OutboxEntry> due = outbox.due(clock.instant(), BATCH);
        if (due.isEmpty()) {
            return 0;
        }
        Map<Channel, List<OutboxEntry>> byChannel = new LinkedHashMap<>();
        due.forEach(entry -> byChannel.computeIfAbsent(channelOf(entry), c -> new ArrayList<>()).add(entry));
        int sent = 0;
        for (Map.Entry<Channel, List<OutboxEntry>> group : byChannel.entrySet()) {
            sent += deliver(group.getKey(), group.getValue());
        }
        return sent;
    }

    private Channel channelOf(OutboxEntry entry) {
        return entry.mail().mailbox().flatMap(name -> channels.stream()
                .filter(c -> c.sender().mailbox().equalsIgnoreCase(name)).findFirst()).orElse(channels.get(0));
    }

    /** One connection to the channel's server for its notifications; a server that is down delays only them. */
    private int deliver(Channel channel, List<OutboxEntry> due) {
        Smtp smtp = channel.smtp();
        Transport transport;
        try {
            transport = connect(channel);
        } catch (MessagingException e) {
            String reason = "SMTP server " + smtp.host() + ":" + smtp.port() + " unavailable: "
                    + MailFailure.describe(e, "smtp");
            log.warn("{}; {} notification(s) will be retried", reason, due.size());
            due.forEach(entry -> {
                retryLater(entry, reason);
                listener.failed(entry, false);
            });
            return 0;
        }
        try (transport) {
            int sent = 0;
            for (int i = 0; i < due.size(); i++) {
                Result result = outbox.claim(due.get(i), clock.instant(), claim -> deliver(channel, transport, claim))
                        .orElse(Result.FAILED);
                sent += result == Result.SENT ? 1 : 0;
                if (result == Result.DISCONNECTED) {
                    String reason = "SMTP server " + smtp.host() + ":" + smtp.port() + " closed the connection";
                    log.warn("{}; {} notification(s) will be retried", reason, due.size() - i - 1);
                    due.subList(i + 1, due.size()).forEach(entry -> {
                        retryLater(entry, reason);
                        listener.failed(entry, false);
                    });
                    break;
                }
            }
            return sent;
        } catch (MessagingException e) {
            log.debug("closing the SMTP connection failed: {}", e.getMessage());
            return 0;
        }
    }

    private static Transport connect(Channel channel) throws MessagingException {
        Transport transport = channel.session().getTransport("smtp");
        SmtpSession.connect(channel.smtp(), channel.sender().login(), transport);
        return transport;
    }

    private Result deliver(Channel channel, Transport transport, Outbox.Claim claim) {
        OutboxEntry entry = claim.entry();
        long start = System.nanoTime();
        try {
            MimeMessage message = channel.builder().build(entry.mail());
            transport.sendMessage(message, message.getAllRecipients());
            claim.sent(clock.instant());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            String ticket = entry.mail().ticket().map(t -> "#" + t).orElse("none");
            log.atInfo().addKeyValue("notification", entry.id()).addKeyValue("ticket", ticket)
                    .addKeyValue("event", entry.mail().event()).addKeyValue("durationMs", took.toMillis())
                    .log("sent notification {} ({}) for ticket {} to {} in {} ms", entry.id(), entry.mail().event(),
                            ticket, entry.mail().recipient(), took.toMillis());
            listener.sent(entry, took);
            return Result.SENT;
        } catch (NotifyException e) {
            claim.failed(e.getMessage());
            listener.failed(entry, true);
            return Result.FAILED;
        } catch (Error e) { // OutOfMemoryError building a large notice, say: this one waits, the others go
            log.error("notification {} to {} failed: {}", entry.id(), entry.mail().recipient(), e.toString());
            claim.retry(e.toString(), nextAttempt(entry.attempts()));
            listener.failed(entry, false);
            return Result.RETRY;
        } catch (MessagingException e) {
            String reason = describe(e);
            if (isPermanent(e)) {
                log.warn("notification {} to {} refused for good: {}", entry.id(), entry.mail().recipient(), reason);
                claim.failed(reason);
                listener.failed(entry, true);
                return Result.FAILED;
            }
            claim.retry(reason, nextAttempt(entry.attempts()));
            listener.failed(entry, false);
            return transport.isConnected() ? Result.RETRY : Result.DISCONNECTED;
        }
    }

    /** Only if no other instance is sending it meanwhile. */
    private void retryLater(OutboxEntry entry, String reason) {
        outbox.claim(entry, clock.instant(), claim -> {
            claim.retry(reason, nextAttempt(entry.attempts()));
            return true;
        });
    }

    /** 30 s, 1 min, 2 min ... up to an hour, with a fifth of jitter so retries do not come in waves. */
    Instant nextAttempt(int attempts) {
        long base = FIRST_RETRY.toMillis() << Math.min(attempts, 10);
        long capped = Math.min(base, LONGEST_RETRY.toMillis());
        long jitter = ThreadLocalRandom.current().nextLong(capped / 5 + 1);
        return clock.instant().plusMillis(capped - capped / 10 + jitter);
    }

    /** A 5xx answer from the server: sending the same mail again would fail the same way. */
    static boolean isPermanent(Exception e) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof SMTPSendFailedException s && s.getReturnCode() >= 500) {
                return true;
            }
            if (t instanceof SMTPAddressFailedException a && a.getReturnCode() >= 500) {
                return true;
            }
        }
        return false;
    }

    /** The server's own words: Jakarta Mail's top message ("Invalid Addresses") hides them in the chain. */
    static String describe(Exception e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = next(t)) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
            if (b.indexOf(message) < 0) {
                b.append(b.length() == 0 ? "" : ": ").append(message);
            }
        }
        return b.toString();
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
