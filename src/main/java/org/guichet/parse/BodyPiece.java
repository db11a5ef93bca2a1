package org.guichet.parse;

/**
 * One inline text part of a mail's body, decoded: a mail can have several (text split around an inline image, a
 * mailing list's footer), and they are read in order.
 *
 * @param content the decoded text, or the HTML source when {@code html}
 */
record BodyPiece(String content, boolean html) {

    /** The piece as plain text: HTML turned into text, line breaks normalised. */
    String asText() {
        return html ? HtmlText.toText(content) : Texts.normalise(content);
    }
}
