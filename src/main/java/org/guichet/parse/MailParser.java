package org.guichet.parse;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import jakarta.mail.util.SharedFileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads one raw mail into an {@link InboundMail}. Bad mail never makes it throw: what is malformed is recorded in
 * {@link InboundMail#problems()}. It throws only when the source cannot be read or the attachment sink fails.
 */
public final class MailParser {

    static {
        MimeSettings.apply();
    }

    /**
     * The heap that reading one mail can need, whatever its size: the mail streams from its file, attachments to
     * their sink, and the parser keeps at most {@value TextReader#MAX_TEXT_BYTES} bytes of body text (held a few times
     * over as it is decoded, converted and cut), {@value HeaderSection#MAX_HEADER_BYTES} bytes of header fields and
     * {@value BodyWalker#MAX_PARTS} parts. Measured: see the README's performance table.
     */
    public static final long WORKING_HEAP_BYTES = 128L * 1024 * 1024;

    // one Session for every header read: building one reads Jakarta Mail's provider files from the jar each time
    private static final Session HEADER_SESSION = MimeSettings.lenientSession();
    private final AttachmentSink sink;
    private final Session session;

    public MailParser(AttachmentSink sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.session = MimeSettings.lenientSession();
    }

    /**
     * Parses a whole mail read from {@code raw}, which is read to its end but not closed. A mail over
     * {@value Spool#IN_MEMORY_BYTES} bytes is first written to a temporary file, deleted afterwards, and parsed from
     * there: its parts are streamed to the sink, so memory stays bounded whatever the mail's size.
     */
    public InboundMail parse(InputStream raw) {
        Objects.requireNonNull(raw, "raw");
        try (Spool spool = spool(raw)) {
            return parseShared(spool.stream());
        } catch (IOException e) {
            throw new ParseException("The temporary copy of a large mail could not be removed: "
                    + MimeAccess.reason(e) + ". Check the space and permissions of the temporary folder.", e);
        }
    }

    /**
     * Parses a mail already on disk, reading the file in place: no copy of it is made, in memory or on disk, and its
     * attachments stream from the file to the sink.
     */
    public InboundMail parse(Path file) {
        Objects.requireNonNull(file, "file");
        try (SharedFileInputStream in = open(file)) {
            return parseShared(in);
        } catch (IOException e) {
            throw new ParseException("The mail file " + file + " could not be closed: " + MimeAccess.reason(e), e);
        }
    }

    /**
     * The same, failed with a {@link ParseException} when it runs past {@code timeout}, so that one mail that makes
     * the parser stall fails alone. The parse runs on a thread of its own, which is interrupted on time-out.
     * An {@link Error} thrown while parsing (OutOfMemoryError, StackOverflowError) is thrown here as it is.
     */
    public InboundMail parse(Path file, Duration timeout) {
        return ParseWatchdog.run(() -> parse(file), timeout);
    }

    /**
     * The Message-ID of the mail in {@code file}, read from its header section alone (within the same bounds as a
     * full parse, and giving the same id): what the mail is known by before it is parsed.
     */
    public static Optional<String> envelopeMessageId(Path file) {
        Problems problems = new Problems();
        try (SharedFileInputStream in = open(file)) {
            MimeMessage headers = new BoundedMessage(HEADER_SESSION, in, problems);
            return MimeAccess.header(headers, "Message-ID", problems).stream().map(HeaderText::unfold).findFirst()
                    .flatMap(value -> MessageIds.first(value, problems));
        } catch (IOException | jakarta.mail.MessagingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Why the mail's MIME structure was cut at the parser's bounds (more than {@value BodyWalker#MAX_PARTS} parts, or
     * nested deeper than {@value BodyWalker#MAX_DEPTH}): a mail built to exhaust a reader rather than to be read.
     */
    public static Optional<String> structureCut(InboundMail mail) {
        return mail.problems().stream().filter(BodyWalker::isStructureCut).findFirst();
    }

    private static SharedFileInputStream open(Path file) {
        try {
            return new SharedFileInputStream(file.toFile());
        } catch (IOException e) {
            throw new ParseException("The mail file " + file + " could not be read: " + MimeAccess.reason(e), e);
        }
    }

    /** Parses a whole mail held in memory; its MIME parts share the array rather than copy it. */
    public InboundMail parse(byte[] raw) {
        Objects.requireNonNull(raw, "raw");
        return parseShared(new SharedByteArrayInputStream(raw));
    }

    private static Spool spool(InputStream raw) {
        try {
            return Spool.of(raw);
        } catch (IOException e) {
            throw new ParseException("The raw mail could not be read: " + MimeAccess.reason(e)
                    + ". Check the temporary folder's space when the mail is large.", e);
        }
    }

    private InboundMail parseShared(InputStream shared) {
        Problems problems = new Problems();
        return MimeAccess.message(session, shared, problems)
                .map(message -> read(message, problems))
                .orElseGet(() -> unreadable(problems));
    }

    private InboundMail read(MimeMessage message, Problems problems) {
        HeaderReader header = new HeaderReader(message, problems);
        MailHeaders headers = header.headers();
        BodyWalker body = new BodyWalker(sink, problems);
        body.walk(message);
        String text = bodyText(body);
        Optional<String> html = htmlBody(body).map(HtmlSafety::clean).filter(h -> !h.isBlank());
        return new InboundMail(header.from(), header.addresses("To"), header.addresses("Cc"),
                header.addresses("Reply-To"), header.date(), header.messageId(),
                header.ids("In-Reply-To"), header.ids("References"), header.subject(),
                text, QuoteCutter.cut(text), html, body.attachments(), headers, problems.list(), body.reportText());
    }

    /** The text body's parts joined when they say something, else text made from the HTML body. */
    private static String bodyText(BodyWalker body) {
        String text = join(body.textBody());
        return text.isBlank() ? join(body.htmlBody()) : text;
    }

    private static String join(List<BodyPiece> pieces) {
        return pieces.stream().map(BodyPiece::asText).filter(t -> !t.isBlank()).collect(Collectors.joining("\n\n"));
    }

    /** The HTML parts of the HTML body, joined; none when the mail has no HTML. */
    private static Optional<String> htmlBody(BodyWalker body) {
        List<String> html = body.htmlBody().stream().filter(BodyPiece::html).map(BodyPiece::content).toList();
        return html.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", html));
    }

    private static InboundMail unreadable(Problems problems) {
        return new InboundMail(Optional.empty(), List.of(), List.of(), List.of(), Optional.empty(),
                Optional.empty(), List.of(), List.of(), "", "", "", Optional.empty(), List.of(),
                MailHeaders.empty(), problems.list(), "");
    }
}
