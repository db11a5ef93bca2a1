package org.guichet.parse;

import java.util.List;

/**
 * The text and HTML bodies that the inline parts of one multipart are added to, as in RFC 8621's parseStructure:
 * below a multipart/alternative, a text/plain part closes the HTML body to its later siblings and a text/html part
 * closes the text body; a closed body is {@code null} at this level only, its parent still adds to it.
 */
final class Bodies {

    private List<BodyPiece> text;
    private List<BodyPiece> html;
    private final String subtype;
    private final boolean inAlternative;
    private final int textLength;
    private final int htmlLength;

    /** The bodies of a whole mail, filled into {@code text} and {@code html}. */
    Bodies(List<BodyPiece> text, List<BodyPiece> html) {
        this(text, html, "mixed", false);
    }

    private Bodies(List<BodyPiece> text, List<BodyPiece> html, String subtype, boolean inAlternative) {
        this.text = text;
        this.html = html;
        this.subtype = subtype;
        this.inAlternative = inAlternative;
        this.textLength = text == null ? -1 : text.size();
        this.htmlLength = html == null ? -1 : html.size();
    }

    /** The bodies seen by the children of a multipart with this subtype, found under this one. */
    Bodies within(String childSubtype) {
        boolean alternative = childSubtype.equals("alternative");
        return new Bodies(text, html, childSubtype, inAlternative || alternative);
    }

    /** The subtype of the multipart whose children these bodies collect. */
    String subtype() {
        return subtype;
    }

    /** Adds an inline text part that is a direct child of this multipart. */
    void add(BodyPiece piece) {
        if (subtype.equals("alternative")) {
            List<BodyPiece> target = piece.html() ? html : text;
            if (target != null) {
                target.add(piece);
            }
            return;
        }
        if (inAlternative) {
            html = piece.html() ? html : null;
            text = piece.html() ? null : text;
        }
        if (text != null) {
            text.add(piece);
        }
        if (html != null) {
            html.add(piece);
        }
    }

    /** After the children of a multipart/alternative: one with only HTML serves the text body too, and the reverse. */
    void close() {
        if (!subtype.equals("alternative") || text == null || html == null) {
            return;
        }
        if (textLength == text.size() && htmlLength != html.size()) {
            text.addAll(List.copyOf(html.subList(htmlLength, html.size())));
        }
        if (htmlLength == html.size() && textLength != text.size()) {
            html.addAll(List.copyOf(text.subList(textLength, text.size())));
        }
    }
}
