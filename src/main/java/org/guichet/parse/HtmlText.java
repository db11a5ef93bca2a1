package org.guichet.parse;

import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Plain text made from an HTML body, as a person would read it: paragraphs and line breaks kept, list items as
 * "- item" lines, links as "text &lt;url&gt;"; style, script and head dropped. Modelled on jsoup's HtmlToPlainText
 * example.
 */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
            "blockquote", "pre", "ul", "ol", "dl", "dt", "dd", "address", "section", "article", "header", "footer",
            "hr", "form", "center", "fieldset", "figure", "main", "nav", "aside");
    private static final Set<String> SKIPPED = Set.of("style", "script", "head", "title", "noscript", "template");

    private HtmlText() {
    }

    static String toText(String html) {
        Element body = Jsoup.parse(html).body();
        Collector collector = new Collector();
        NodeTraversor.traverse(collector, body);
        return Texts.collapseBlankLines(collector.text());
    }

    /** Walks the tree once, writing text and line breaks. */
    private static final class Collector implements NodeVisitor {

        private final StringBuilder out = new StringBuilder();
        private int skipping;
        private int preformatted;

        @Override
        public void head(Node node, int depth) {
            String name = node.nodeName();
            if (SKIPPED.contains(name) || skipping > 0) {
                skipping += SKIPPED.contains(name) ? 1 : 0;
            } else if (node instanceof TextNode text) {
                appendText(text);
            } else if (name.equals("br")) {
                out.append('\n');
            } else if (name.equals("li")) {
                newLine();
                out.append("- ");
            } else if (BLOCKS.contains(name)) {
                blankOrNewLine(name);
            }
            preformatted += name.equals("pre") ? 1 : 0;
        }

        @Override
        public void tail(Node node, int depth) {
            String name = node.nodeName();
            preformatted -= name.equals("pre") ? 1 : 0;
            if (SKIPPED.contains(name)) {
                skipping--;
            } else if (skipping == 0 && name.equals("a")) {
                appendLinkTarget((Element) node);
            } else if (skipping == 0 && (BLOCKS.contains(name) || name.equals("li"))) {
                blankOrNewLine(name);
            } else if (skipping == 0 && (name.equals("td") || name.equals("th"))) {
                out.append(' ');
            }
        }

        private void appendText(TextNode text) {
            if (preformatted > 0) {
                out.append(text.getWholeText());
                return;
            }
            String words = text.text();
            if (atLineStart()) {
                words = words.stripLeading();
            }
            out.append(words);
        }

        private void appendLinkTarget(Element link) {
            String href = link.attr("href").trim();
            String label = link.text().trim();
            String bareHref = href.startsWith("mailto:") ? href.substring("mailto:".length()) : href;
            if (!href.isEmpty() && !href.startsWith("#") && !bareHref.equals(label)
                    && !href.equals(label) && !href.toLowerCase(Locale.ROOT).startsWith("javascript:")) {
                out.append(label.isEmpty() ? href : " <" + href + ">");
            }
        }

        private void blankOrNewLine(String name) {
            if (name.equals("p") || name.startsWith("h") && name.length() == 2 || name.equals("blockquote")) {
                newLine();
                out.append('\n');
            } else {
                newLine();
            }
        }

        private void newLine() {
            if (!atLineStart()) {
                out.append('\n');
            }
        }

        private boolean atLineStart() {
            return out.length() == 0 || out.charAt(out.length() - 1) == '\n';
        }

        String text() {
            return out.toString();
        }
    }
}
