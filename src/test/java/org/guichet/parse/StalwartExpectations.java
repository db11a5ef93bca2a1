package org.guichet.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.jsoup.Jsoup;

/** Reads stalwart mail-parser's {@code NNN.json}: the parsed tree of {@code NNN.eml}, with its body and attachment lists. */
final class StalwartExpectations {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StalwartExpectations() {
    }

    static Optional<Expected> of(Path mail) throws IOException {
        Path json = CorpusFiles.sibling(mail, ".json");
        if (!Files.exists(json)) {
            return Optional.empty();
        }
        JsonNode root = JSON.readTree(json.toFile());
        JsonNode parts = root.path("parts");
        JsonNode top = parts.path(0);
        return Optional.of(new Expected("stalwart", subject(top), from(top),
                Optional.of(attachments(root, parts, usesCrlf(mail))), text(root, parts)));
    }

    private static Optional<JsonNode> header(JsonNode part, String name) {
        for (JsonNode header : part.path("headers")) {
            if (header.path("name").asText().equals(name)) {
                return Optional.of(header.path("value"));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> subject(JsonNode top) {
        return header(top, "subject").filter(v -> v.has("Text")).map(v -> v.path("Text").asText().strip());
    }

    private static Optional<String> from(JsonNode top) {
        return header(top, "from").map(v -> v.path("Address")).flatMap(address -> {
            JsonNode first = address.has("List") ? address.path("List").path(0)
                    : address.path("Group").path(0).path("addresses").path(0);
            return Optional.ofNullable(first.path("address").textValue()).map(a -> a.toLowerCase(Locale.ROOT));
        });
    }

    private static boolean usesCrlf(Path mail) throws IOException {
        byte[] raw = Files.readAllBytes(mail);
        for (int i = 1; i < raw.length; i++) {
            if (raw[i] == '\n') {
                return raw[i - 1] == '\r';
            }
        }
        return false;
    }

    private static List<Expected.File> attachments(JsonNode root, JsonNode parts, boolean crlf) {
        List<Expected.File> files = new ArrayList<>();
        for (JsonNode index : root.path("attachments")) {
            JsonNode part = parts.path(index.asInt());
            files.add(new Expected.File(name(part), size(part, crlf)));
        }
        return files;
    }

    private static Optional<String> name(JsonNode part) {
        return attribute(part, "content_disposition", "filename").or(() -> attribute(part, "content_type", "name"))
                .filter(name -> !name.isBlank());
    }

    private static Optional<String> attribute(JsonNode part, String header, String name) {
        return header(part, header).flatMap(value -> {
            for (JsonNode attribute : value.path("ContentType").path("attributes")) {
                if (attribute.path("name").asText().equalsIgnoreCase(name)) {
                    return Optional.of(attribute.path("value").asText());
                }
            }
            return Optional.empty();
        });
    }

    private static OptionalLong size(JsonNode part, boolean crlf) {
        JsonNode body = part.path("body");
        boolean linesAsWritten = crlf && !isBase64(part);
        if (body.has("Binary") || body.has("InlineBinary")) {
            JsonNode bytes = body.path(body.has("Binary") ? "Binary" : "InlineBinary");
            long lfs = 0;
            for (JsonNode b : bytes) {
                lfs += b.asInt() == '\n' ? 1 : 0;
            }
            return OptionalLong.of(bytes.size() + (linesAsWritten ? lfs : 0));
        }
        if (body.has("Text") || body.has("Html")) {
            return textSize(part, body.path(body.has("Text") ? "Text" : "Html").asText(), linesAsWritten);
        }
        if (body.has("Message") && header(part, "content_transfer_encoding").isEmpty()) {
            return OptionalLong.of(part.path("offset_end").asLong() - part.path("offset_body").asLong());
        }
        return OptionalLong.empty();
    }

    private static boolean isBase64(JsonNode part) {
        return header(part, "content_transfer_encoding")
                .filter(v -> v.path("Text").asText().equalsIgnoreCase("base64")).isPresent();
    }

    /**
     * Stalwart gives text attachments as decoded strings: their size in bytes is that of the declared charset. Like
     * its binary parts, they have CRLF turned into LF unless base64 (whose content keeps its own line ends): one CR a
     * line is added back when the mail's lines end in CRLF.
     */
    private static OptionalLong textSize(JsonNode part, String text, boolean crlf) {
        long crs = crlf ? text.chars().filter(c -> c == '\n').count() : 0;
        if (StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
            return OptionalLong.of(text.length() + crs);
        }
        Optional<Charset> charset = attribute(part, "content_type", "charset").flatMap(TextDecoder::lookup);
        return charset.filter(c -> c.newEncoder().canEncode(text))
                .map(c -> OptionalLong.of(text.getBytes(c).length + crs)).orElse(OptionalLong.empty());
    }

    /** The parts of {@code text_body} joined; parts stalwart made from HTML are compared by their words only. */
    private static Optional<Expected.Text> text(JsonNode root, JsonNode parts) {
        StringBuilder text = new StringBuilder();
        boolean fromHtml = false;
        for (JsonNode index : root.path("text_body")) {
            JsonNode body = parts.path(index.asInt()).path("body");
            if (body.has("Text")) {
                text.append(body.path("Text").asText()).append('\n');
            } else if (body.has("Html")) {
                text.append(Jsoup.parse(body.path("Html").asText()).text()).append('\n');
                fromHtml = true;
            }
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(new Expected.Text(text.toString(), fromHtml));
    }
}
