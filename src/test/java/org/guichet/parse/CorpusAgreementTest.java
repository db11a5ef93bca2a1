package org.guichet.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.guichet.parse.Agreement.Field;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares the parser with the expected results that come with the corpus (stalwart, mime4j, zammad), field by
 * field, prints the agreement rate of each field and fails when one falls under its floor. Where we disagree with a
 * peer on purpose, the mail is listed below with the reason; such a mail counts neither for nor against the rate.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorpusAgreementTest {

    /** Raised as the parser improves; never lowered to make the build pass. */
    private static final Map<Field, Double> FLOORS = Map.of(
            Field.SUBJECT, 1.0, Field.SENDER, 1.0, Field.ATTACHMENT_COUNT, 1.0,
            Field.ATTACHMENT_NAMES, 1.0, Field.ATTACHMENT_SIZES, 1.0, Field.TEXT, 1.0);

    // Why we read these mails differently from the peer, on purpose. Each reason is said once, then referred to.
    /** Raw 8-bit header bytes that are not UTF-8: stalwart puts U+FFFD, we read them as windows-1252 (issue 3). */
    private static final String RAW_8BIT = "raw 8-bit bytes read as windows-1252, not replaced by U+FFFD";
    /**
     * An inner multipart that is never closed: we end it at the enclosing boundary, as RFC 2046 5.1.2 implies and
     * Jakarta Mail does, so the parts after it are parts of the outer multipart. Stalwart keeps reading the inner one
     * and files what follows as one attachment, or files the unclosed part's text as an attachment.
     */
    private static final String UNCLOSED = "an unclosed inner multipart ends at the enclosing boundary";
    /** Malformed base64: we decode its base64 characters and skip the rest; stalwart keeps the raw text. */
    private static final String BAD_BASE64 = "malformed base64 decoded leniently, not kept as raw text";
    /** A multipart whose boundary never occurs: we show its body as the text; stalwart files it as an attachment. */
    private static final String NO_BOUNDARY = "a multipart without any boundary line is read as text";
    /** x-uuencode: we decode it (issue 3 asks for uuencode); stalwart keeps the encoded text. */
    private static final String UUENCODE = "uuencoded parts are decoded";
    /** Forwarded mails whose own multipart has no boundary line: stalwart swallows the following outer parts. */
    private static final String FORWARDS = "three forwarded mails kept as three attachments";
    /** A delimiter line must start a line (RFC 2046 5.1.1); "invalid--1--" is text, the multipart is unclosed. */
    private static final String MID_LINE = "a delimiter in the middle of a line is text";
    /** Two Content-Type fields: we read the first (multipart/alternative) and find the HTML alternative. */
    private static final String TWO_TYPES = "the first of two Content-Type fields is read";
    /**
     * A header line that is not a field, or holds only white space: we end the header there so that the text below
     * reaches the agent (HeaderSection); mime4j skips the line or folds it into the field above and loses the text,
     * and its two nocrlfcrlf mails, which start alike, expect opposite readings.
     */
    private static final String HEADER_END = "the header ends at a line that is not a field";
    /** Boundary ending in spaces (RFC 2046 forbids it): we strip them, so a line mime4j sees as text is a delimiter. */
    private static final String SPACED_BOUNDARY = "trailing spaces of a boundary are ignored";
    /**
     * An opening delimiter directly followed by the closing one: Jakarta Mail reads the closing line as a header of
     * an empty part, whose body is then the epilogue. Harmless, and not worth a multipart parser of our own.
     */
    private static final String EMPTY_PART = "Jakarta Mail reads an empty part's epilogue as its body";

    private static final Map<Field, Map<String, String>> EXCEPTIONS = Map.of(
            Field.SUBJECT, Map.of(
                    "stalwart-mail-parser/legacy/010.eml", RAW_8BIT,
                    "stalwart-mail-parser/legacy/022.eml", RAW_8BIT,
                    "stalwart-mail-parser/legacy/027.eml", RAW_8BIT),
            Field.ATTACHMENT_COUNT, Map.of(
                    "stalwart-mail-parser/malformed/001.eml", UNCLOSED,
                    "stalwart-mail-parser/malformed/002.eml", NO_BOUNDARY,
                    "stalwart-mail-parser/malformed/006.eml", UNCLOSED,
                    "stalwart-mail-parser/malformed/008.eml", UNCLOSED,
                    "stalwart-mail-parser/malformed/009.eml", UNCLOSED,
                    "stalwart-mail-parser/malformed/011.eml", UNCLOSED,
                    "stalwart-mail-parser/malformed/012.eml", UNCLOSED,
                    "stalwart-mail-parser/thirdparty/002.eml", BAD_BASE64,
                    "stalwart-mail-parser/thirdparty/015.eml", FORWARDS),
            Field.ATTACHMENT_NAMES, Map.of(
                    "stalwart-mail-parser/legacy/016.eml", RAW_8BIT,
                    "stalwart-mail-parser/thirdparty/015.eml", FORWARDS),
            Field.ATTACHMENT_SIZES, Map.of(
                    "stalwart-mail-parser/legacy/017.eml", UUENCODE,
                    "stalwart-mail-parser/malformed/001.eml", UNCLOSED,
                    "stalwart-mail-parser/malformed/002.eml", NO_BOUNDARY,
                    "stalwart-mail-parser/malformed/006.eml", UNCLOSED,
                    "stalwart-mail-parser/malformed/008.eml", UNCLOSED,
                    "stalwart-mail-parser/malformed/009.eml", UNCLOSED,
                    "stalwart-mail-parser/malformed/011.eml", UNCLOSED,
                    "stalwart-mail-parser/malformed/012.eml", UNCLOSED,
                    "stalwart-mail-parser/rfc/000.eml", BAD_BASE64,
                    "stalwart-mail-parser/thirdparty/002.eml", BAD_BASE64),
            Field.TEXT, Map.ofEntries(
                    Map.entry("mime4j/mimetools-testmsgs/hdr-fakeout.msg", HEADER_END),
                    Map.entry("mime4j/testmsgs/basic-plain-with-bad-header-separator.msg", HEADER_END),
                    Map.entry("mime4j/testmsgs/malformedHeader-nocrlfcrlf.msg", HEADER_END),
                    Map.entry("mime4j/testmsgs/malformedHeaderStartsBody-nocrlfcrlf.msg", HEADER_END),
                    Map.entry("mime4j/testmsgs/multipartemptypart.msg", EMPTY_PART),
                    Map.entry("mime4j/testmsgs/weird-boundary.msg", SPACED_BOUNDARY),
                    Map.entry("stalwart-mail-parser/malformed/001.eml", UNCLOSED),
                    Map.entry("stalwart-mail-parser/malformed/008.eml", UNCLOSED),
                    Map.entry("stalwart-mail-parser/malformed/009.eml", UNCLOSED),
                    Map.entry("stalwart-mail-parser/malformed/011.eml", UNCLOSED),
                    Map.entry("stalwart-mail-parser/malformed/021.eml", TWO_TYPES),
                    Map.entry("stalwart-mail-parser/thirdparty/002.eml", BAD_BASE64),
                    Map.entry("stalwart-mail-parser/thirdparty/005.eml", MID_LINE)));

    private final MailParser parser = new MailParser(AttachmentSink.hashingOnly());
    private final Agreement agreement = new Agreement();

    static Stream<Path> mailsWithExpectations() throws Exception {
        return CorpusFiles.mails().filter(mail -> Stream.of(".json", "_decoded.xml", ".yml")
                .anyMatch(suffix -> Files.exists(CorpusFiles.sibling(mail, suffix))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mailsWithExpectations")
    void agreesWithThePeers(Path file) throws Exception {
        InboundMail mail = parser.parse(Files.readAllBytes(file));
        Optional<Expected> expected = StalwartExpectations.of(file)
                .or(() -> uncheck(() -> Mime4jExpectations.of(file)))
                .or(() -> uncheck(() -> ZammadExpectations.of(file)));
        assertThat(expected).as("expected results of %s", file).isPresent();
        compare(CorpusFiles.name(file), expected.get(), mail);
    }

    @AfterAll
    void reportAndHoldTheFloors() {
        System.out.print(agreement.report());
        assertThat(agreement.staleExceptions()).as("exceptions that now agree").isZero();
        FLOORS.forEach((field, floor) -> assertThat(agreement.rate(field)).as("agreement on %s", field.label())
                .isGreaterThanOrEqualTo(floor));
    }

    private void compare(String name, Expected expected, InboundMail mail) {
        expected.subject().ifPresent(s -> check(Field.SUBJECT, name, s.strip(), mail.subject()));
        expected.from().ifPresent(f -> check(Field.SENDER, name, f,
                mail.from().map(MailAddress::address).orElse("")));
        expected.attachments().ifPresent(files -> compareAttachments(name, files, mail.attachments()));
        expected.text().ifPresent(text -> compareText(name, text, mail.text()));
    }

    private void compareAttachments(String name, List<Expected.File> files, List<Attachment> actual) {
        boolean sameCount = files.size() == actual.size();
        check(Field.ATTACHMENT_COUNT, name, String.valueOf(files.size()), String.valueOf(actual.size()));
        if (files.stream().anyMatch(f -> f.name().isPresent())) {
            check(Field.ATTACHMENT_NAMES, name, String.valueOf(expectedNames(files, actual)),
                    String.valueOf(actual.stream().map(Attachment::name).toList()));
        }
        if (files.stream().anyMatch(f -> f.size().isPresent())) {
            check(Field.ATTACHMENT_SIZES, name, String.valueOf(expectedSizes(files, actual)),
                    String.valueOf(actual.stream().map(Attachment::size).toList()));
        }
    }

    /** The peer's names as we would store them (sanitised); where the peer has none, whatever name we made up. */
    private static List<String> expectedNames(List<Expected.File> files, List<Attachment> actual) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String type = i < actual.size() ? actual.get(i).contentType() : "application/octet-stream";
            String madeUp = i < actual.size() ? actual.get(i).name() : "?";
            int index = i + 1;
            names.add(files.get(i).name().map(n -> FileNames.sanitise(n, type, index)).orElse(madeUp));
        }
        return names;
    }

    private static List<Long> expectedSizes(List<Expected.File> files, List<Attachment> actual) {
        List<Long> sizes = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            long ours = i < actual.size() ? actual.get(i).size() : -1;
            sizes.add(files.get(i).size().isPresent() ? files.get(i).size().getAsLong() : ours);
        }
        return sizes;
    }

    /** Whitespace-normalised equality; a text the peer made from HTML must have its words in ours, in order. */
    private void compareText(String name, Expected.Text expected, String actual) {
        if (!expected.fromHtml()) {
            check(Field.TEXT, name, normalise(expected.value()), normalise(actual));
            return;
        }
        List<String> missing = missingWords(words(expected.value()), words(actual));
        record(Field.TEXT, name, missing.isEmpty(), "words missing from ours: " + missing);
    }

    private static List<String> missingWords(List<String> expected, List<String> actual) {
        int at = 0;
        List<String> missing = new ArrayList<>();
        for (String word : expected) {
            int found = actual.subList(at, actual.size()).indexOf(word);
            if (found < 0) {
                missing.add(word);
            } else {
                at += found + 1;
            }
        }
        return missing.size() > 10 ? missing.subList(0, 10) : missing;
    }

    private static List<String> words(String text) {
        return Stream.of(text.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }

    /** Runs of white space and control characters (we drop NUL bytes on purpose) become one space. */
    private static String normalise(String text) {
        return text.replaceAll("[\\s\\p{Cntrl}\\u00A0]+", " ").strip();
    }

    private void check(Field field, String name, String expected, String actual) {
        record(field, name, expected.equals(actual), "expected \"" + Texts.shorten(expected) + "\", got \""
                + Texts.shorten(actual) + "\"");
    }

    private void record(Field field, String name, boolean agreed, String detail) {
        boolean excepted = EXCEPTIONS.getOrDefault(field, Map.of()).containsKey(name);
        agreement.record(field, name, agreed, excepted, detail);
    }

    private static <T> T uncheck(java.util.concurrent.Callable<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new IllegalStateException("Expected results could not be read: " + e.getMessage(), e);
        }
    }
}
