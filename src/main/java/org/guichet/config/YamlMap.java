package org.guichet.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * One mapping of the file, at a dotted path such as {@code imap} or {@code categories[2]}, whose keys were checked
 * against the known ones on construction; its getters read typed values and report the key and line of any fault.
 */
final class YamlMap {

    private final ConfigSource source;
    private final String path;
    private final int line;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    /**
     * @param line where the mapping is introduced (its key, its list dash), reported when one of its keys is missing
     * @param node the mapping, or {@code null} when the file leaves it out and every key takes its default
     */
    YamlMap(ConfigSource source, String path, int line, Node node, List<String> knownKeys) {
        this.source = source;
        this.path = path;
        this.line = line;
        if (node != null && !isNull(node)) {
            if (!(node instanceof MappingNode mapping)) {
                throw source.error(lineOf(node), path, describe() + " must be a mapping of keys ("
                        + String.join(", ", knownKeys) + "), not " + kind(node));
            }
            mapping.getValue().forEach(tuple -> add(tuple, knownKeys));
        }
    }

    static int lineOf(Node node) {
        return node.getStartMark().map(mark -> mark.getLine() + 1).orElse(1);
    }

    String path() {
        return path;
    }

    int line() {
        return line;
    }

    /** The line of this key when the file has it, else the mapping's own line, where it should be added. */
    int lineFor(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? line : lineOf(tuple.getKeyNode());
    }

    boolean has(String key) {
        return present(key).isPresent();
    }

    String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    ConfigException error(int atLine, String key, String text) {
        return source.error(atLine, child(key), text);
    }

    ConfigException missing(String key) {
        return error(lineFor(key), key, "missing value for " + child(key));
    }

    Optional<ConfigValue> value(String key) {
        Node node = present(key).orElse(null);
        if (node == null) {
            return Optional.empty();
        }
        if (!(node instanceof ScalarNode scalar)) {
            throw error(lineOf(node), key, child(key) + " must be a single value, not " + kind(node));
        }
        return Optional.of(source.value(scalar.getValue(), lineOf(node), child(key)));
    }

    ConfigValue required(String key) {
        return value(key).orElseThrow(() -> missing(key));
    }

    String text(String key, String byDefault) {
        return value(key).map(ConfigValue::nonBlank).orElse(byDefault);
    }

    /** A string that may be empty, such as an SMTP user meaning "no authentication". */
    String optionalText(String key) {
        return value(key).map(ConfigValue::text).orElse("");
    }

    boolean bool(String key, boolean byDefault) {
        return value(key).map(ConfigValue::bool).orElse(byDefault);
    }

    int integer(String key, int byDefault, int min, int max) {
        return value(key).map(value -> value.integer(min, max)).orElse(byDefault);
    }

    Duration duration(String key, Duration byDefault) {
        return value(key).map(ConfigValue::duration).orElse(byDefault);
    }

    long size(String key, long byDefault) {
        return value(key).map(ConfigValue::size).orElse(byDefault);
    }

    /** The nested mapping under this key, empty when the key is absent so that every default applies. */
    YamlMap map(String key, List<String> knownKeys) {
        NodeTuple tuple = entries.get(key);
        return new YamlMap(source, child(key), lineFor(key), tuple == null ? null : tuple.getValueNode(), knownKeys);
    }

    List<YamlMap> maps(String key, List<String> knownKeys) {
        List<YamlMap> maps = new ArrayList<>();
        List<Node> items = items(key);
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String itemPath = child(key) + "[" + i + "]";
            if (isNull(item)) {
                throw source.error(lineOf(item), itemPath, itemPath + " is empty; remove the dash or fill it in");
            }
            maps.add(new YamlMap(source, itemPath, lineOf(item), item, knownKeys));
        }
        return maps;
    }

    /** The scalars of a list; an empty item becomes an empty value, for the caller to refuse in its own words. */
    List<ConfigValue> values(String key) {
        List<ConfigValue> values = new ArrayList<>();
        List<Node> items = items(key);
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String itemPath = child(key) + "[" + i + "]";
            if (!(item instanceof ScalarNode scalar)) {
                throw source.error(lineOf(item), itemPath, itemPath + " must be a single value, not " + kind(item));
            }
            String raw = isNull(item) ? "" : scalar.getValue();
            values.add(source.value(raw, lineOf(item), itemPath));
        }
        return values;
    }

    private List<Node> items(String key) {
        Node node = present(key).orElse(null);
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw error(lineOf(node), key, child(key) + " must be a list such as [a, b], not " + kind(node));
        }
        return sequence.getValue();
    }

    private Optional<Node> present(String key) {
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode).filter(node -> !isNull(node));
    }

    private void add(NodeTuple tuple, List<String> knownKeys) {
        Node keyNode = tuple.getKeyNode();
        int keyLine = lineOf(keyNode);
        if (!(keyNode instanceof ScalarNode scalar)) {
            throw source.error(keyLine, path, "a key of " + describe() + " is " + kind(keyNode)
                    + "; keys must be plain names");
        }
        String key = scalar.getValue();
        if (!knownKeys.contains(key)) {
            throw error(keyLine, key, "unknown key '" + child(key) + "' (known keys: "
                    + String.join(", ", knownKeys) + ")");
        }
        NodeTuple first = entries.putIfAbsent(key, tuple);
        if (first != null) {
            throw error(keyLine, key, "duplicate key '" + child(key) + "' (first at line "
                    + lineOf(first.getKeyNode()) + "); keep only one");
        }
    }

    private String describe() {
        return path.isEmpty() ? "the top level of the file" : path;
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && (Tag.NULL.equals(node.getTag()) || scalar.getValue().isEmpty()
                && scalar.isPlain());
    }

    /** What the node is, never its text: a section written as one value might be a pasted secret. */
    private static String kind(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        return node instanceof SequenceNode ? "a list" : "a single value";
    }
}
