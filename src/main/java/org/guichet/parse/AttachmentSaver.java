package org.guichet.parse;

import jakarta.mail.Part;
import jakarta.mail.internet.InternetHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Streams attachments into the sink and names them: declared file name, forwarded mail's subject, or made up. */
final class AttachmentSaver {

    private final AttachmentSink sink;
    private final Problems problems;
    private final List<Attachment> saved = new ArrayList<>();

    AttachmentSaver(AttachmentSink sink, Problems problems) {
        this.sink = sink;
        this.problems = problems;
    }

    /** Stores the decoded content of {@code part}, unless it cannot be decoded at all (then a problem says so). */
    void save(Part part, PartInfo info) {
        Optional<InputStream> content = MimeAccess.decodedContent(part, info.where(), problems);
        if (content.isEmpty()) {
            return;
        }
        int index = saved.size() + 1;
        String name = FileNames.sanitise(declaredName(part, info), info.mimeType(), index);
        StoredPart stored = store(new GuardedInputStream(content.get(), info.where(), problems), info, index);
        saved.add(Attachment.of(name, info.mimeType(), stored, info.isInline(), info.contentId()));
    }

    List<Attachment> attachments() {
        return List.copyOf(saved);
    }

    private String declaredName(Part part, PartInfo info) {
        if (info.fileName().isPresent() || !info.isForwardedMail()) {
            return info.fileName().orElse("");
        }
        String subject = MimeAccess.decodedContent(part, info.where(), problems)
                .flatMap(stream -> MimeAccess.headersOf(stream, info.where(), problems))
                .map(headers -> subjectOf(headers, info))
                .filter(s -> !s.isEmpty())
                .orElse("forwarded");
        return subject + ".eml";
    }

    private String subjectOf(InternetHeaders headers, PartInfo info) {
        String raw = headers.getHeader("Subject", null);
        String decoded = raw == null ? "" : HeaderText.decode("the Subject of " + info.where(), raw, problems);
        return decoded.replaceAll("\\p{Cntrl}", " ").strip();
    }

    private StoredPart store(InputStream content, PartInfo info, int index) {
        try (content) {
            return sink.store(content);
        } catch (IOException e) {
            throw new ParseException("The attachment store failed on attachment " + index + ", " + info.where()
                    + ": " + MimeAccess.reason(e) + ". Check the attachment folder's space and permissions.", e);
        }
    }
}
