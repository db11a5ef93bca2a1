package org.guichet.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 8601's grammar, with the examples of its appendix B and of real servers. */
class AuthenticationResultsTest {

    @Test
    void readsTheIdAndEachResultWithItsProperties() {
        AuthenticationResults ar = AuthenticationResults.parse("example.com 1;\r\n"
                + "  spf=pass smtp.mailfrom=example.net;\r\n"
                + "  dkim=pass (good signature) header.d=example.com header.i=@example.com;\r\n"
                + "  dmarc=pass action=none header.from=example.com");

        assertThat(ar.authservId()).isEqualTo("example.com");
        assertThat(ar.results()).containsExactly(
                new AuthenticationResults.Result("spf", "pass", Map.of("smtp.mailfrom", "example.net")),
                new AuthenticationResults.Result("dkim", "pass",
                        Map.of("header.d", "example.com", "header.i", "@example.com")),
                new AuthenticationResults.Result("dmarc", "pass",
                        Map.of("action", "none", "header.from", "example.com")));
    }

    @Test
    void quotedStringsAndNestedCommentsAreText() {
        AuthenticationResults ar = AuthenticationResults.parse(
                "\"mx.example.org\" (a (nested; comment)); auth=pass (cram-md5) smtp.auth=\"sender\\\"; x\"");

        assertThat(ar.authservId()).isEqualTo("mx.example.org");
        assertThat(ar.results()).containsExactly(
                new AuthenticationResults.Result("auth", "pass", Map.of("smtp.auth", "sender\"; x")));
    }

    @Test
    void aResultOffTheGrammarIsDroppedAndTheOthersKept() {
        AuthenticationResults ar = AuthenticationResults.parse(
                "mx.example.org; dkim=pass header.d; dkim pass; spf=fail smtp.mailfrom=a.example");

        assertThat(ar.results()).extracting(AuthenticationResults.Result::method).containsExactly("spf");
    }

    @Test
    void noIdAtAllIsAnEmptyId() {
        assertThat(AuthenticationResults.parse("").authservId()).isEmpty();
        assertThat(AuthenticationResults.parse("; dkim=pass header.d=a.example").authservId()).isEmpty();
        assertThat(AuthenticationResults.parse("spf=pass (sender IP is 1.2.3.4) smtp.mailfrom=a.example")
                .authservId()).isEmpty();
    }
}
