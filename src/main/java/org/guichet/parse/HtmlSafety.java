package org.guichet.parse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * The HTML body made safe to show to an agent: jsoup's relaxed safelist, no image fetched from outside (only
 * {@code cid:} and {@code data:} sources stay), and every link marked {@code rel="nofollow"}.
 */
final class HtmlSafety {

    private HtmlSafety() {
    }

    /** Only the body is kept: the head's title, styles and scripts are dropped with it. */
    static String clean(String html) {
        Document cleaned = new Cleaner(safelist()).clean(Jsoup.parse(html));
        cleaned.outputSettings().prettyPrint(false);
        return cleaned.body().html().strip();
    }

    /** A new safelist each time: jsoup's Safelist is mutable. */
    private static Safelist safelist() {
        // Add the allowed protocols before removing http and https: a tag attribute left with no protocol at all
        // would accept any URL.
        return Safelist.relaxed()
                .addProtocols("img", "src", "cid", "data")
                .removeProtocols("img", "src", "http", "https")
                .addEnforcedAttribute("a", "rel", "nofollow")
                .preserveRelativeLinks(true);
    }
}
