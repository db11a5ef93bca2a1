package org.guichet.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.guichet.parse.AttachmentSink;
import org.guichet.parse.MailHeaders;
import org.guichet.parse.MailParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which Authentication-Results header proves an agent's From, and which tricks do not. */
class AgentAuthenticationTest {
    private static final String ALICE = "alice@helpdesk.test";
    private final AgentAuthentication required = new AgentAuthentication(true, "mx.helpdesk.test");

    /** Real parsing of a mail with these header lines on top (raw, as a server would write them). */
    static MailHeaders headers(String... lines) {
        String raw = String.join("\r\n", lines) + "\r\nFrom: alice@helpdesk.test\r\nSubject: x\r\n\r\nbody\r\n";
        return new MailParser(AttachmentSink.hashingOnly()).parse(raw.getBytes(StandardCharsets.UTF_8)).headers();
    }

    private Proof verify(String... lines) {
        return required.verify(headers(lines), ALICE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Authentication-Results: mx.helpdesk.test; dkim=pass (good signature) header.d=helpdesk.test",
        "Authentication-Results: MX.helpdesk.test 1; dkim=pass header.d=HELPDESK.test header.s=sel",
        "Authentication-Results: mx.helpdesk.test;\r\n\tdkim=pass (2048-bit key; unprotected) header.d=helpdesk.test"
                + " header.i=@helpdesk.test header.b=AbCd1234",
        "Authentication-Results: mx.helpdesk.test; dkim=fail header.d=helpdesk.test; dmarc=pass header.from=helpdesk.test",
        "Authentication-Results: mx.helpdesk.test; dmarc=pass (p=reject dis=none) header.from=\"helpdesk.test\"",
        "Authentication-Results: \"mx.helpdesk.test\"; dkim/1=pass header.d=helpdesk.test",
        "Authentication-Results: (our mx) mx.helpdesk.test (v1); spf=pass smtp.mailfrom=helpdesk.test;"
                + " dkim=pass header.d=helpdesk.test"})
    void ourServerReportingAnAlignedDkimOrDmarcPassProvesTheSender(String header) {
        Proof proof = verify(header);

        assertThat(proof.proven()).as(proof.why()).isTrue();
        assertThat(proof.kind()).isEqualTo(Proof.Kind.AUTHENTICATION_RESULTS);
    }

    @Test
    void aParentDomainSignatureIsAlignedButAChildOrABareTldIsNot() {
        assertThat(AgentAuthentication.aligned("helpdesk.test", "mail.helpdesk.test")).isTrue();
        assertThat(AgentAuthentication.aligned("helpdesk.test", "helpdesk.test")).isTrue();
        assertThat(AgentAuthentication.aligned("mail.helpdesk.test", "helpdesk.test")).isFalse();
        assertThat(AgentAuthentication.aligned("test", "helpdesk.test")).isFalse();
        assertThat(AgentAuthentication.aligned("desk.test", "helpdesk.test")).isFalse();
    }

    @Test
    void spfPassAloneIsNoProof() {
        assertThat(verify("Authentication-Results: mx.helpdesk.test 1; spf=pass smtp.mailfrom=alice@helpdesk.test")
                .why()).isEqualTo("Authentication-Results from mx.helpdesk.test reports no aligned dkim or dmarc pass"
                        + " for helpdesk.test");
    }

    @Test
    void anEncodedWordCannotSmuggleAPassIntoOurHeader() {
        // decoded, the envelope sender would read "x@evil.example; dkim=pass header.d=helpdesk.test"
        Proof proof = verify("Authentication-Results: mx.helpdesk.test; spf=pass"
                + " smtp.mailfrom==?utf-8?q?x=40evil.example=3B_dkim=3Dpass_header.d=3Dhelpdesk.test?=");

        assertThat(proof.proven()).isFalse();
    }

    @Test
    void aSecondHeaderLowerDownIsIgnoredWhateverItsId() {
        // the sender wrote a "pass" of their own below the one our server added on top
        assertThat(verify(
                "Authentication-Results: mx.helpdesk.test; dkim=fail header.d=helpdesk.test",
                "Received: from attacker.example by mx.helpdesk.test",
                "Authentication-Results: mx.helpdesk.test; dkim=pass header.d=helpdesk.test").proven()).isFalse();
        // and when the topmost is another server's, ours below it is not the one our server added on top
        assertThat(verify(
                "Authentication-Results: relay.example; dkim=pass header.d=helpdesk.test",
                "Authentication-Results: mx.helpdesk.test; dkim=pass header.d=helpdesk.test").why())
                .isEqualTo("no Authentication-Results from mx.helpdesk.test on top of the header vouches for "
                        + ALICE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        pass in a comment         | Authentication-Results: mx.helpdesk.test; spf=pass (dkim=pass header.d=helpdesk.test) smtp.mailfrom=x.example
        semicolon in a comment    | Authentication-Results: mx.helpdesk.test; spf=pass (x; dkim=pass header.d=helpdesk.test) smtp.mailfrom=x.example
        semicolon in a quote      | Authentication-Results: mx.helpdesk.test; spf=pass smtp.mailfrom="x; dkim=pass header.d=helpdesk.test"
        quoted method             | Authentication-Results: mx.helpdesk.test; "dkim"=pass header.d=helpdesk.test
        quoted result             | Authentication-Results: mx.helpdesk.test; dkim="pass" header.d=helpdesk.test
        id in a comment           | Authentication-Results: (mx.helpdesk.test) evil.example; dkim=pass header.d=helpdesk.test
        two words as id           | Authentication-Results: mx.helpdesk.test evil; dkim=pass header.d=helpdesk.test
        d twice                   | Authentication-Results: mx.helpdesk.test; dkim=pass header.d=evil.example header.d=helpdesk.test
        misaligned d              | Authentication-Results: mx.helpdesk.test; dkim=pass header.d=evil.example
        lookalike d               | Authentication-Results: mx.helpdesk.test; dkim=pass header.d=desk.test
        child d                   | Authentication-Results: mx.helpdesk.test; dkim=pass header.d=evil.helpdesk.test.example
        no d                      | Authentication-Results: mx.helpdesk.test; dkim=pass header.i=@helpdesk.test
        dmarc for another domain  | Authentication-Results: mx.helpdesk.test; dmarc=pass header.from=evil.example
        dmarc without from        | Authentication-Results: mx.helpdesk.test; dmarc=pass
        none                      | Authentication-Results: mx.helpdesk.test 1; none
        unclosed comment          | Authentication-Results: mx.helpdesk.test; dkim=pass (header.d=helpdesk.test
        no id                     | Authentication-Results: dkim=pass header.d=helpdesk.test
        """)
    void tricksInOurHeaderProveNothing(String trick, String header) {
        assertThat(verify(header).proven()).as(trick).isFalse();
    }

    @Test
    void aHeaderFromAnotherServerIsIgnored() {
        assertThat(required.refusal(headers(
                "Authentication-Results: evil.example; dkim=pass header.d=helpdesk.test"), ALICE))
                .contains("no Authentication-Results from mx.helpdesk.test on top of the header vouches for "
                        + ALICE);
    }

    @Test
    void withoutATrustedIdNoHeaderProvesAnything() {
        assertThat(new AgentAuthentication(true, "").verify(headers(
                "Authentication-Results: mx.helpdesk.test; dkim=pass header.d=helpdesk.test"), ALICE).proven())
                .isFalse();
    }

    @Test
    void withoutTheRequirementEveryAgentAddressIsTrusted() {
        assertThat(new AgentAuthentication(false, "").refusal(headers("X-Nothing: 1"), ALICE)).isEmpty();
    }

    @Test
    void aHugeHostileHeaderIsReadInOnePass() {
        String header = "Authentication-Results: mx.helpdesk.test; " + "((((\"\\".repeat(20_000)
                + ";dkim=pass header.d=helpdesk.test".repeat(2_000);

        assertThat(verify(header).proven()).isFalse();
    }
}
