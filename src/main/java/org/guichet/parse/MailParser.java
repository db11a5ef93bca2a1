package org.guichet.parse;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads one raw mail into an {@link InboundMail}. Bad mail never makes it throw: what is malformed is recorded in
 * {@link InboundMail#problems()}. It throws only when the source cannot be read or the attachment sink fails.
 */
public final class MailParser {

    static {
        MimeSettings.apply();
    }

    private final AttachmentSink sink;
    private final Session session;

    public MailParser(AttachmentSink sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.session = MimeSettings.lenientSession();
    }

    /**
     * Parses a whole mail read from {@code raw}, which is read to its end but not closed. The bytes are held in
     * memory while parsing (the intake caps a message's size); MIME parts share them rather than copy them.
     */
    public InboundMail parse(InputStream raw) {
        Objects.requireNonNull(raw, "raw");
        try {
            return parse(raw.readAllBytes());
        } catch (IOException e) {
            throw new ParseException("The raw mail could not be read: " + MimeAccess.reason(e) + ".", e);
        }
    }

    /** Parses a whole mail held in memory. */
    public InboundMail parse(byte[] raw) {
        Objects.requireNonNull(raw, "raw");
        Problems problems = new Problems();
        return MimeAccess.message(session, raw, problems)
                .map(message -> read(message, problems))
                .orElseGet(() -> unreadable(problems));
    }

    private InboundMail read(MimeMessage message, Problems problems) {
        HeaderReader header = new HeaderReader(message, problems);
        MailHeaders headers = header.headers();
        BodyWalker body = new BodyWalker(sink, problems);
        body.walk(message);
        String text = bodyText(body);
        Optional<String> html = body.htmlSource().map(HtmlSafety::clean).filter(h -> !h.isBlank());
        return new InboundMail(header.from(), header.addresses("To"), header.addresses("Cc"),
                header.addresses("Reply-To"), header.date(), header.messageId(),
                header.ids("In-Reply-To"), header.ids("References"), header.subject(),
                text, QuoteCutter.cut(text), html, body.attachments(), headers, problems.list());
    }

    /** The text/plain body when it says something, else text made from the HTML body. */
    private static String bodyText(BodyWalker body) {
        Optional<String> plain = body.plainText().map(Texts::normalise).filter(t -> !t.isBlank());
        return plain.or(() -> body.htmlSource().map(HtmlText::toText)).orElse("");
    }

    private static InboundMail unreadable(Problems problems) {
        return new InboundMail(Optional.empty(), List.of(), List.of(), List.of(), Optional.empty(),
                Optional.empty(), List.of(), List.of(), "", "", "", Optional.empty(), List.of(),
                MailHeaders.empty(), problems.list());
    }
}
