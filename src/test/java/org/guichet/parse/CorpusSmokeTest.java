package org.guichet.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every real-world mail of the shared corpus through the parser: nothing may escape, no stored name may hold a
 * path separator or control character, and a mail with a readable text part must give text. Agreement with the
 * expected subjects and senders of zammad and stalwart is printed, not enforced.
 */
class CorpusSmokeTest {

    private static final Pattern CONTROL_OR_SEPARATOR = Pattern.compile("[/\\\\\\p{Cntrl}]");
    private static final AtomicInteger SUBJECT_CHECKED = new AtomicInteger();
    private static final AtomicInteger SUBJECT_AGREED = new AtomicInteger();
    private static final AtomicInteger FROM_CHECKED = new AtomicInteger();
    private static final AtomicInteger FROM_AGREED = new AtomicInteger();
    private static final AtomicInteger MAILS = new AtomicInteger();
    private static final AtomicInteger WITH_PROBLEMS = new AtomicInteger();
    private static final AtomicInteger ATTACHMENTS = new AtomicInteger();

    private final MailParser parser = new MailParser(AttachmentSink.hashingOnly());

    static Path corpus() {
        return Stream.of(Path.of("..", "shared", "corpus"), Path.of("/work/shared/corpus"))
                .filter(Files::isDirectory)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "The shared corpus is missing: looked in ../shared/corpus and /work/shared/corpus."));
    }

    static Stream<Path> mails() throws IOException {
        try (Stream<Path> files = Files.walk(corpus())) {
            return files.filter(Files::isRegularFile).filter(CorpusSmokeTest::isMail).sorted().toList().stream();
        }
    }

    private static boolean isMail(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean mikel = file.toString().contains("mikel-mail") && !name.endsWith(".txt");
        return name.endsWith(".eml") || name.endsWith(".box") || name.endsWith(".msg") || mikel;
    }

    @BeforeAll
    static void corpusExists() {
        assertThat(corpus()).isDirectory();
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
        compareWithZammad(file, mail);
        compareWithStalwart(file, mail);
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
        System.out.printf("Corpus agreement: subject %d/%d, from address %d/%d.%n", SUBJECT_AGREED.get(),
                SUBJECT_CHECKED.get(), FROM_AGREED.get(), FROM_CHECKED.get());
    }

    private static void compareWithZammad(Path file, InboundMail mail) throws IOException {
        Path expected = sibling(file, ".yml");
        if (!Files.exists(expected)) {
            return;
        }
        String yaml = Files.readString(expected, StandardCharsets.UTF_8);
        yamlValue(yaml, "subject").ifPresent(s -> agree(SUBJECT_CHECKED, SUBJECT_AGREED, file, s, mail.subject()));
        yamlValue(yaml, "from_email").ifPresent(f -> agree(FROM_CHECKED, FROM_AGREED, file, f.toLowerCase(Locale.ROOT),
                mail.from().map(MailAddress::address).orElse("")));
    }

    private static void compareWithStalwart(Path file, InboundMail mail) throws IOException {
        Path expected = sibling(file, ".json");
        if (!Files.exists(expected)) {
            return;
        }
        JsonNode headers = new ObjectMapper().readTree(expected.toFile()).path("parts").path(0).path("headers");
        for (JsonNode header : headers) {
            if (header.path("name").asText().equals("subject") && header.path("value").has("Text")) {
                agree(SUBJECT_CHECKED, SUBJECT_AGREED, file, header.path("value").path("Text").asText().strip(),
                        mail.subject());
                break;
            }
        }
        for (JsonNode header : headers) {
            JsonNode list = header.path("value").path("Address").path("List");
            if (header.path("name").asText().equals("from") && list.size() > 0) {
                agree(FROM_CHECKED, FROM_AGREED, file, list.path(0).path("address").asText("").toLowerCase(Locale.ROOT),
                        mail.from().map(MailAddress::address).orElse(""));
                break;
            }
        }
    }

    private static void agree(AtomicInteger checked, AtomicInteger agreed, Path file, String expected, String actual) {
        checked.incrementAndGet();
        if (expected.equals(actual)) {
            agreed.incrementAndGet();
        } else {
            System.out.printf("Disagreement in %s: expected \"%s\", got \"%s\"%n", file, expected, actual);
        }
    }

    private static Path sibling(Path file, String extension) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + extension);
    }

    private static Optional<String> yamlValue(String yaml, String key) {
        Matcher line = Pattern.compile("(?m)^" + key + ":\\s*(.*)$").matcher(yaml);
        return line.find() ? Optional.of(unquote(line.group(1).strip())) : Optional.empty();
    }

    private static String unquote(String value) {
        boolean quoted = value.length() >= 2 && (value.startsWith("'") && value.endsWith("'")
                || value.startsWith("\"") && value.endsWith("\""));
        return quoted ? value.substring(1, value.length() - 1) : value;
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
                if (hasReadableTextPart(child, depth + 1)) {
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
