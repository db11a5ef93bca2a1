package org.guichet.parse;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Last-resort readings of Content-Type and Content-Disposition values too malformed for Jakarta Mail's parser. */
final class RawParams {

    private static final Pattern FILE_NAME = Pattern.compile(
            "(?:^|[;\\s])(?:file)?name\\s*+=\\s*+(?:\"([^\"]*+)\"|([^;\\s]++))", Pattern.CASE_INSENSITIVE);
    private static final Pattern BOUNDARY = Pattern.compile(
            "(?:^|[;\\s])boundary\\s*+=\\s*+(?:\"([^\"]++)\"|([^;\\s]++))", Pattern.CASE_INSENSITIVE);
    private static final Pattern DISPOSITION = Pattern.compile("^[\\s;]*+([A-Za-z-]++)");

    private RawParams() {
    }

    /** The first filename= or name= parameter of any of {@code values}. */
    static Optional<String> fileName(List<String> values) {
        return values.stream().map(FILE_NAME::matcher).filter(Matcher::find).findFirst().map(RawParams::value);
    }

    static Optional<String> boundary(String contentType) {
        Matcher boundary = BOUNDARY.matcher(contentType);
        return boundary.find() ? Optional.of(value(boundary)) : Optional.empty();
    }

    /** "attachment" or "inline" when the value starts with one of them, after any stray separators. */
    static Optional<String> disposition(List<String> values) {
        return values.stream().map(DISPOSITION::matcher).filter(Matcher::find).findFirst()
                .map(m -> m.group(1).toLowerCase(Locale.ROOT))
                .filter(kind -> kind.equals("attachment") || kind.equals("inline"));
    }

    private static String value(Matcher matcher) {
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }
}
