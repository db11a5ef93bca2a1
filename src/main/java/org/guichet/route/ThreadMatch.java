package org.guichet.route;

/** The ticket a mail belongs to, and by which rule it was found. */
public record ThreadMatch(long ticket, By by) {
    /** The rules of SPEC section 4, in the order they are tried. */
    public enum By {
        PLUS_ADDRESS("plus-address"),
        REFERENCES("references"),
        SUBJECT("subject");

        private final String code;

        By(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
