package org.guichet.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every real-world mail of the shared corpus through the parser: nothing may escape, no stored name may hold a
 * path separator or control character, and a mail with a readable text part must give text. Agreement with the
 * peers' expected results is {@link CorpusAgreementTest}'s.
 */
class CorpusSmokeTest {

    private static final Pattern CONTROL_OR_SEPARATOR = Pattern.compile("[/\\\\\\p{Cntrl}]");
    private static final AtomicInteger MAILS = new AtomicInteger();
    private static final AtomicInteger WITH_PROBLEMS = new AtomicInteger();
    private static final AtomicInteger ATTACHMENTS = new AtomicInteger();

    private final MailParser parser = new MailParser(AttachmentSink.hashingOnly());

    static Stream<Path> mails() throws IOException {
        return CorpusFiles.mails();
    }

    @BeforeAll
    static void corpusExists() {
        assertThat(CorpusFiles.corpus()).isDirectory();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mails")
    void parsesWithoutEscapingAndWithSafeNames(Path file) throws IOException {
        byte[] raw = Files.readAllBytes(file);
        InboundMail mail = parseSafely(raw);
        MAILS.incrementAndGet();
        WITH_PROBLEMS.addAndGet(mail.problems().isEmpty() ? 0 : 1);
        ATTACHMENTS.addAndGet(mail.attachments().size());
        assertThat(mail.attachments()).allSatisfy(a -> assertThat(a.name()).doesNotContainPattern(CONTROL_OR_SEPARATOR));
        if (hasReadableTextPart(raw)) {
            assertThat(mail.text()).as("text of %s", file).isNotBlank();
        }
    }

    private InboundMail parseSafely(byte[] raw) {
        InboundMail[] parsed = new InboundMail[1];
        assertThatCode(() -> parsed[0] = parser.parse(raw)).doesNotThrowAnyException();
        return parsed[0];
    }

    @AfterAll
    static void report() {
        System.out.printf("Corpus: %d mails parsed, %d with problems, %d attachments.%n",
                MAILS.get(), WITH_PROBLEMS.get(), ATTACHMENTS.get());
    }

    /** Independently of the parser: does the mail have a text/plain or text/html part, not an attachment, not blank? */
    private static boolean hasReadableTextPart(byte[] raw) {
        try {
            MimeMessage message = new MimeMessage(MimeSettings.lenientSession(), new SharedByteArrayInputStream(raw));
            return hasReadableTextPart(message, 0);
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean hasReadableTextPart(Part part, int depth) throws Exception {
        if (depth > 20) {
            return false;
        }
        if (part.isMimeType("multipart/*")) {
            MimeMultipart multipart = new MimeMultipart(part.getDataHandler().getDataSource());
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                // RFC 2046 5.1.5: an untyped part of a digest is a forwarded mail, not text, whatever Jakarta Mail says.
                boolean digestMail = part.isMimeType("multipart/digest") && child.getHeader("Content-Type") == null;
                if (!digestMail && hasReadableTextPart(child, depth + 1)) {
                    return true;
                }
            }
            return false;
        }
        boolean text = part.isMimeType("text/plain") || part.isMimeType("text/html");
        boolean attachment = part.getFileName() != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
        return text && !attachment && !new String(part.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1)
                .replaceAll("<[^>]*>|&nbsp;", "").isBlank();
    }
}
