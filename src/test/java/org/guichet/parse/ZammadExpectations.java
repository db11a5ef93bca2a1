package org.guichet.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jsoup.Jsoup;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Reads Zammad's {@code mailNNN.yml}: what Zammad's own mail parser made of {@code mailNNN.box}. */
final class ZammadExpectations {

    private ZammadExpectations() {
    }

    static Optional<Expected> of(Path mail) throws IOException {
        Path yml = CorpusFiles.sibling(mail, ".yml");
        if (!Files.exists(yml)) {
            return Optional.empty();
        }
        // The Ruby type tags only say which Ruby class held the values: they are dropped, not interpreted.
        String yaml = Files.readString(yml, StandardCharsets.UTF_8).replaceAll("!ruby/[^\\s]+", "");
        Map<?, ?> root = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
        return Optional.of(new Expected("zammad", string(root, "subject"),
                string(root, "from_email").map(a -> a.toLowerCase(Locale.ROOT)),
                Optional.of(attachments(root)), text(root)));
    }

    private static Optional<String> string(Map<?, ?> map, String key) {
        return Optional.ofNullable(map.get(key)).map(Object::toString);
    }

    private static List<Expected.File> attachments(Map<?, ?> root) {
        Object list = root.get("attachments");
        if (!(list instanceof List<?> items)) {
            return List.of();
        }
        return items.stream().map(item -> (Map<?, ?>) item)
                .map(item -> new Expected.File(string(item, "filename"), OptionalLong.empty())).toList();
    }

    /** Zammad keeps HTML bodies as its own sanitised HTML: only their words can be compared. */
    private static Optional<Expected.Text> text(Map<?, ?> root) {
        boolean html = string(root, "content_type").filter("text/html"::equals).isPresent();
        return string(root, "body").map(body -> html ? new Expected.Text(Jsoup.parse(body).text(), true)
                : new Expected.Text(body, false));
    }
}
