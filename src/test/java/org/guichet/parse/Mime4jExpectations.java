package org.guichet.parse;

import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads Apache mime4j's {@code X_decoded.xml}: the MIME tree of {@code X.msg} with each leaf's decoded bytes in a file
 * beside it. mime4j does not say which leaves are attachments, so the rule of SPEC section 2 and RFC 8621 is applied to
 * its tree: unnamed text/plain and text/html leaves not marked as attachments are the body (in a multipart/related,
 * only its first part), every other leaf and every forwarded mail is an attachment. The expected text is the body's
 * text/plain leaves joined, or its HTML's words when it has none.
 */
final class Mime4jExpectations {

    private final Path folder;
    private final List<Expected.File> files = new ArrayList<>();
    private final StringBuilder plain = new StringBuilder();
    private final StringBuilder html = new StringBuilder();
    private Optional<String> charset = Optional.empty();

    private Mime4jExpectations(Path folder) {
        this.folder = folder;
    }

    static Optional<Expected> of(Path mail) throws Exception {
        Path xml = CorpusFiles.sibling(mail, "_decoded.xml");
        if (!Files.exists(xml)) {
            return Optional.empty();
        }
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile()).getDocumentElement();
        Mime4jExpectations reader = new Mime4jExpectations(mail.getParent());
        reader.entity(root, "text/plain", "mixed", 0);
        return Optional.of(new Expected("mime4j", Optional.empty(), Optional.empty(), Optional.of(reader.files),
                reader.text()));
    }

    /** One message or body part: its header, then a multipart, a nested message or a leaf body. */
    private Optional<Expected.Text> text() {
        if (!plain.isEmpty()) {
            return Optional.of(new Expected.Text(plain.toString(), false));
        }
        return html.isEmpty() ? Optional.empty() : Optional.of(new Expected.Text(html.toString(), true));
    }

    private void entity(Element entity, String defaultType, String parentSubtype, int index) throws IOException {
        List<String> fields = fields(child(entity, "header"));
        String type = field(fields, "content-type").map(Mime4jExpectations::baseType).orElse(defaultType);
        Optional<String> name = fileName(fields);
        charset = field(fields, "content-type").flatMap(t -> parameter(t, false, "charset"));
        boolean attachment = name.isPresent() || field(fields, "content-disposition")
                .map(d -> d.strip().toLowerCase(Locale.ROOT).startsWith("attachment")).orElse(false);
        for (Node node = entity.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element content && !content.getTagName().equals("header")) {
                boolean body = !attachment && (index == 0 || !parentSubtype.equals("related"));
                content(content, type, name, body);
            }
        }
    }

    private void content(Element content, String type, Optional<String> name, boolean body) throws IOException {
        switch (content.getTagName()) {
            case "multipart" -> multipart(content, type);
            case "message" -> files.add(new Expected.File(name, OptionalLong.empty()));
            case "text-body", "binary-body" -> leaf(content.getAttribute("name"), type, name, body);
            default -> { }
        }
    }

    private void multipart(Element multipart, String type) throws IOException {
        String childDefault = type.equals("multipart/digest") ? "message/rfc822" : "text/plain";
        String subtype = type.substring(type.indexOf('/') + 1);
        int index = 0;
        for (Node node = multipart.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element part && part.getTagName().equals("body-part")) {
                entity(part, childDefault, subtype, index++);
            }
        }
    }

    private void leaf(String file, String type, Optional<String> name, boolean body) throws IOException {
        byte[] bytes = Files.readAllBytes(folder.resolve(file));
        if (body && type.equals("text/plain")) {
            plain.append(decode(bytes)).append('\n');
        } else if (body && type.equals("text/html")) {
            html.append(Jsoup.parse(decode(bytes)).text()).append('\n');
        } else {
            files.add(new Expected.File(name, OptionalLong.of(bytes.length)));
        }
    }

    /** The leaf's text in its declared charset; UTF-8 or windows-1252 where Java does not know it or none is given. */
    private String decode(byte[] bytes) {
        return charset.flatMap(TextDecoder::lookup).map(c -> new String(bytes, c))
                .orElseGet(() -> TextDecoder.utf8OrWindows1252(bytes));
    }

    private static Element child(Element parent, String tag) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(tag)) {
                return element;
            }
        }
        return parent;
    }

    private static List<String> fields(Element header) {
        List<String> fields = new ArrayList<>();
        for (Node node = header.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element field && field.getTagName().equals("field")) {
                fields.add(field.getTextContent().strip().replaceAll("\r?\n[ \t]+", " "));
            }
        }
        return fields;
    }

    private static Optional<String> field(List<String> fields, String name) {
        return fields.stream().filter(f -> f.toLowerCase(Locale.ROOT).startsWith(name + ":"))
                .map(f -> f.substring(name.length() + 1).strip()).findFirst();
    }

    private static String baseType(String value) {
        try {
            return new ContentType(value).getBaseType().toLowerCase(Locale.ROOT);
        } catch (Exception e) {
            return value.split("[;\\s]", 2)[0].toLowerCase(Locale.ROOT);
        }
    }

    private static Optional<String> fileName(List<String> fields) {
        Optional<String> name = field(fields, "content-disposition").flatMap(d -> parameter(d, true, "filename"))
                .or(() -> field(fields, "content-type").flatMap(t -> parameter(t, false, "name")));
        return name.map(Mime4jExpectations::decodeWords).filter(n -> !n.isBlank());
    }

    private static Optional<String> parameter(String value, boolean disposition, String name) {
        try {
            return Optional.ofNullable(disposition ? new ContentDisposition(value).getParameter(name)
                    : new ContentType(value).getParameter(name));
        } catch (Exception e) {
            return name.equals("charset") ? Optional.empty() : RawParams.fileName(List.of(value));
        }
    }

    private static String decodeWords(String value) {
        try {
            return MimeUtility.decodeText(value);
        } catch (Exception e) {
            return value;
        }
    }
}
