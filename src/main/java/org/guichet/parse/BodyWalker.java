package org.guichet.parse;

import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Walks a mail's MIME tree depth-first, within bounds, and sorts its parts: the first text/plain and the first
 * text/html part that are not attachments make the body; every other leaf is kept as an attachment, except further
 * body alternatives inside a multipart/alternative.
 */
final class BodyWalker {

    static final int MAX_DEPTH = 20;
    static final int MAX_PARTS = 500;
    private static final Set<String> KNOWN_ENCODINGS = Set.of("7bit", "8bit", "binary", "base64",
            "quoted-printable", "uuencode", "x-uuencode", "x-uue");

    private final Problems problems;
    private final AttachmentSaver saver;
    private Optional<String> plain = Optional.empty();
    private Optional<String> html = Optional.empty();
    private int partCount;

    BodyWalker(AttachmentSink sink, Problems problems) {
        this.problems = problems;
        this.saver = new AttachmentSaver(sink, problems);
    }

    /** Walks the whole mail, the message itself being the root part. */
    void walk(Part message) {
        visit(message, "", 0, false);
    }

    Optional<String> plainText() {
        return plain;
    }

    Optional<String> htmlSource() {
        return html;
    }

    List<Attachment> attachments() {
        return saver.attachments();
    }

    private void visit(Part part, String path, int depth, boolean inAlternative) {
        if (++partCount > MAX_PARTS) {
            problems.add("The mail has more than " + MAX_PARTS + " MIME parts; the rest were left out.");
            return;
        }
        PartInfo info = PartInfo.read(part, path, problems);
        if (info.isMultipart()) {
            visitChildren(part, info, path, depth, inAlternative);
        } else {
            visitLeaf(part, info, inAlternative);
        }
    }

    private void visitChildren(Part part, PartInfo info, String path, int depth, boolean inAlternative) {
        if (depth >= MAX_DEPTH) {
            problems.add("The MIME parts are nested more than " + MAX_DEPTH + " deep; the deeper ones were left out.");
            return;
        }
        boolean alternative = inAlternative || info.mimeType().equals("multipart/alternative");
        List<BodyPart> children = MimeAccess.children(part, info, problems);
        for (int i = 0; i < children.size(); i++) {
            String childPath = path.isEmpty() ? String.valueOf(i + 1) : path + "." + (i + 1);
            visit(children.get(i), childPath, depth + 1, alternative);
        }
    }

    private void visitLeaf(Part part, PartInfo info, boolean inAlternative) {
        checkEncoding(part, info);
        if (info.isAttachment() || !info.isBodyType()) {
            saveUnlessEmpty(part, info);
        } else if (info.mimeType().equals("text/plain") && plain.isEmpty()) {
            plain = readText(part, info);
        } else if (info.mimeType().equals("text/html") && html.isEmpty()) {
            html = readText(part, info);
        } else if (!inAlternative) {
            saveUnlessEmpty(part, info);
        }
    }

    /** A nameless part with no content (an empty preamble part, say) is nothing worth keeping. */
    private void saveUnlessEmpty(Part part, PartInfo info) {
        if (info.isAttachment() || hasContent(part, info)) {
            saver.save(part, info);
        }
    }

    private boolean hasContent(Part part, PartInfo info) {
        return MimeAccess.decodedContent(part, info.where(), problems)
                .map(in -> new GuardedInputStream(in, info.where(), problems))
                .map(in -> in.read() >= 0)
                .orElse(false);
    }

    private Optional<String> readText(Part part, PartInfo info) {
        return readBytes(part, info).map(bytes -> TextDecoder.decode(bytes, info.charset(), info.where(), problems));
    }

    private Optional<byte[]> readBytes(Part part, PartInfo info) {
        return MimeAccess.decodedContent(part, info.where(), problems).map(in -> readAll(in, info));
    }

    private byte[] readAll(InputStream content, PartInfo info) {
        try (InputStream guarded = new GuardedInputStream(content, info.where(), problems)) {
            return guarded.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("A guarded stream does not throw.", e);
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
