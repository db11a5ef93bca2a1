package org.guichet.parse;

import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Walks a mail's MIME tree depth-first, within bounds, and sorts its parts into text body, HTML body and attachments
 * the way RFC 8621 (JMAP, section 4.1.4) does, as peer parsers do: every inline text part outside a
 * multipart/alternative belongs to both bodies, in order; inside one, text/plain goes to the text body and text/html to
 * the HTML body, an alternative with only HTML lending it to the text body. Every other leaf is an attachment.
 */
final class BodyWalker {

    static final int MAX_DEPTH = 20;
    static final int MAX_PARTS = 500;
    private static final Set<String> REPORT_TYPES = Set.of("message/delivery-status", "text/rfc822-headers",
            "message/global-delivery-status", "message/global-headers");
    private static final String TOO_MANY_PARTS = "The mail has more than " + MAX_PARTS
            + " MIME parts; the rest were left out.";
    private static final String TOO_DEEP = "The MIME parts are nested more than " + MAX_DEPTH
            + " deep; the deeper ones were left out.";
    private static final int MAX_REPORT_CHARS = 64 * 1024;
    private static final int RETURNED_HEADER_CHARS = 16 * 1024;
    private static final Set<String> KNOWN_ENCODINGS = Set.of("7bit", "8bit", "binary", "base64",
            "quoted-printable", "uuencode", "x-uuencode", "x-uue");

    private final Problems problems;
    private final AttachmentSaver saver;
    private final TextReader reader;
    private final List<BodyPiece> textBody = new ArrayList<>();
    private final List<BodyPiece> htmlBody = new ArrayList<>();
    private final StringBuilder report = new StringBuilder();
    private int partCount;

    BodyWalker(AttachmentSink sink, Problems problems) {
        this.problems = problems;
        this.saver = new AttachmentSaver(sink, problems);
        this.reader = new TextReader(problems);
    }

    /** Walks the whole mail, the message itself being the root part. */
    void walk(Part message) {
        if (count()) {
            PartInfo info = PartInfo.read(message, "", "text/plain", problems);
            visit(message, info, "", 0, new Bodies(textBody, htmlBody), 0);
        }
    }

    List<BodyPiece> textBody() {
        return List.copyOf(textBody);
    }

    List<BodyPiece> htmlBody() {
        return List.copyOf(htmlBody);
    }

    List<Attachment> attachments() {
        return saver.attachments();
    }

    /** The machine-readable parts of a delivery report, as text: what a bounce says about which mail failed. */
    String reportText() {
        return report.toString();
    }

    /** Whether a problem says the MIME structure was cut at a bound. */
    static boolean isStructureCut(String problem) {
        return problem.equals(TOO_MANY_PARTS) || problem.equals(TOO_DEEP);
    }

    private boolean count() {
        if (++partCount > MAX_PARTS) {
            problems.add(TOO_MANY_PARTS);
            return false;
        }
        return true;
    }

    private void visit(Part part, PartInfo info, String path, int depth, Bodies bodies, int index) {
        if (info.isMultipart()) {
            visitChildren(part, info, path, depth, bodies);
            return;
        }
        checkEncoding(part, info);
        if (isInlineText(info, bodies.subtype(), index)) {
            reader.read(part, info).ifPresent(bodies::add);
        } else {
            keepReport(part, info, bodies.subtype());
            saveUnlessEmpty(part, info);
        }
    }

    /** RFC 8621's test, with SPEC section 2's rule on top: a part with a file name is an attachment. */
    private static boolean isInlineText(PartInfo info, String parentSubtype, int index) {
        return info.isBodyType() && !info.isAttachment() && (index == 0 || !parentSubtype.equals("related"));
    }

    private void visitChildren(Part part, PartInfo info, String path, int depth, Bodies outer) {
        if (depth >= MAX_DEPTH) {
            problems.add(TOO_DEEP);
            return;
        }
        String subtype = info.mimeType().substring("multipart/".length());
        Bodies bodies = outer.within(subtype);
        String childDefault = subtype.equals("digest") ? "message/rfc822" : "text/plain";
        List<BodyPart> children = MultipartSplitter.children(part, info, MAX_PARTS - partCount, problems);
        for (int i = 0; i < children.size() && count(); i++) {
            String childPath = path.isEmpty() ? String.valueOf(i + 1) : path + "." + (i + 1);
            PartInfo child = PartInfo.read(children.get(i), childPath, childDefault, problems);
            visit(children.get(i), child, childPath, depth + 1, bodies, i);
        }
        bodies.close();
    }

    /**
     * The status fields of a delivery report and the headers of the returned mail, bounded: they are kept as
     * attachments too, but routing reads them here to link a bounce to the notification it is about.
     */
    private void keepReport(Part part, PartInfo info, String parentSubtype) {
        boolean returnedMail = info.mimeType().equals("message/rfc822") && parentSubtype.equals("report");
        if ((!REPORT_TYPES.contains(info.mimeType()) && !returnedMail) || report.length() >= MAX_REPORT_CHARS) {
            return;
        }
        int room = Math.min(MAX_REPORT_CHARS - report.length(), returnedMail ? RETURNED_HEADER_CHARS : MAX_REPORT_CHARS);
        MimeAccess.decodedContent(part, info.where(), problems).ifPresent(in -> {
            try (InputStream content = in) {
                report.append(new String(content.readNBytes(room), StandardCharsets.ISO_8859_1)).append('\n');
            } catch (IOException e) {
                problems.add("The report part " + info.where() + " could not be read: " + MimeAccess.reason(e));
            }
        });
    }

    /** A nameless part with no content (an empty preamble part, say) is nothing worth keeping. */
    private void saveUnlessEmpty(Part part, PartInfo info) {
        if (info.isAttachment() || reader.hasContent(part, info)) {
            saver.save(part, info);
        }
    }

    private void checkEncoding(Part part, PartInfo info) {
        MimeAccess.transferEncoding(part, problems)
                .map(encoding -> encoding.trim().toLowerCase(Locale.ROOT))
                .filter(encoding -> !encoding.isEmpty() && !KNOWN_ENCODINGS.contains(encoding))
                .ifPresent(encoding -> problems.add(TextDecoder.capitalise(info.where())
                        + " has the unknown transfer encoding \"" + encoding + "\"; it was read as is."));
    }
}
