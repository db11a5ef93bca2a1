package org.guichet.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.guichet.parse.AttachmentSink;
import org.guichet.parse.MailHeaders;
import org.guichet.parse.MailParser;
import org.junit.jupiter.api.Test;

class AgentAuthenticationTest {
    private final AgentAuthentication required = new AgentAuthentication(true, "mx.helpdesk.test");

    static MailHeaders headers(String... lines) {
        String raw = String.join("\r\n", lines) + "\r\nFrom: alice@helpdesk.test\r\nSubject: x\r\n\r\nbody\r\n";
        return new MailParser(AttachmentSink.hashingOnly()).parse(raw.getBytes(StandardCharsets.UTF_8)).headers();
    }

    @Test
    void ourServerVouchingForTheDomainTrustsTheAgent() {
        assertThat(required.refusal(headers(
                "Authentication-Results: mx.helpdesk.test; dkim=pass (good signature) header.d=helpdesk.test"),
                "alice@helpdesk.test")).isEmpty();
        assertThat(required.refusal(headers(
                "Authentication-Results: mx.helpdesk.test 1; spf=pass smtp.mailfrom=alice@helpdesk.test"),
                "alice@helpdesk.test")).isEmpty();
        assertThat(required.refusal(headers(
                "Authentication-Results: MX.helpdesk.test; dkim=fail header.d=helpdesk.test; dmarc=pass header.from=helpdesk.test"),
                "alice@helpdesk.test")).isEmpty();
    }

    @Test
    void aHeaderFromAnotherServerIsIgnored() {
        assertThat(required.refusal(headers(
                "Authentication-Results: evil.example; dkim=pass header.d=helpdesk.test"), "alice@helpdesk.test"))
                .contains("no Authentication-Results from mx.helpdesk.test vouches for alice@helpdesk.test");
    }

    @Test
    void onlyTheTopmostHeaderOfOurServerCounts() {
        // the sender wrote a "pass" of their own below the one our server added on top
        assertThat(required.refusal(headers(
                "Authentication-Results: mx.helpdesk.test; dkim=fail header.d=helpdesk.test; spf=softfail smtp.mailfrom=helpdesk.test",
                "Received: from attacker.example by mx.helpdesk.test",
                "Authentication-Results: mx.helpdesk.test; dkim=pass header.d=helpdesk.test"), "alice@helpdesk.test"))
                .contains("Authentication-Results from mx.helpdesk.test reports no dkim, spf or dmarc pass for helpdesk.test");
    }

    @Test
    void aPassForAnotherDomainDoesNotCount() {
        assertThat(required.refusal(headers(
                "Authentication-Results: mx.helpdesk.test; dkim=pass header.d=example.net"), "alice@helpdesk.test"))
                .isPresent();
    }

    @Test
    void withoutTheRequirementEveryAgentAddressIsTrusted() {
        assertThat(new AgentAuthentication(false, "").refusal(headers("X-Nothing: 1"), "alice@helpdesk.test")).isEmpty();
    }
}
