package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code #queue} (issue 14), played on any {@link Desk}: the open tickets of the agent's services, unassigned
 * first, then the agent's, then the others, highest priority first; and {@code #mytickets} of an agent.
 */
final class QueueCases {
    static final String JANE = "jane@example.org";
    static final String ALICE = "alice@helpdesk.test";
    static final String CAROL = "carol@helpdesk.test";
    /**
     * The IT service has two agents, so that some tickets are someone else's; our receiving server's
     * Authentication-Results prove an agent's new mail (SPEC section 6).
     */
    static final UnaryOperator<String> CONFIG = yaml -> yaml.replace("agents: [alice@helpdesk.test]",
            "agents: [alice@helpdesk.test, carol@helpdesk.test]").replace("  secret: test-secret-0123456789",
            "  secret: test-secret-0123456789\n  trusted-authserv-id: mx.helpdesk.test");
    /** What our receiving server adds on top of a mail from a colleague it authenticated. */
    static final String PASSED = "Authentication-Results: mx.helpdesk.test; dkim=pass header.d=helpdesk.test";

    private QueueCases() {
    }

    static void check(Desk desk) throws Exception {
        long plain = open(desk, "Mouse broken");
        long urgent = open(desk, "Screen black");
        long alices = open(desk, "VPN down");
        long carols = open(desk, "Keyboard sticky");
        long resolved = open(desk, "Password reset");
        long payroll = open(desk, "Payslip wrong");
        command(desk, JANE, urgent, "#priority high");
        command(desk, ALICE, alices, "#take");
        command(desk, CAROL, carols, "#take\n#priority very-high");
        command(desk, ALICE, resolved, "#take\n#resolve");
        command(desk, ALICE, payroll, "#transfer Payroll");

        desk.deliver(MailAs.newMail(ALICE, "#queue", "", PASSED));

        List<Desk.Sent> mails = desk.sent(ALICE);
        String queue = mails.get(mails.size() - 1).text();
        assertThat(queue).contains("open tickets of your services (4)");
        assertThat(order(queue, urgent, plain, alices, carols)).isTrue();
        assertThat(queue).doesNotContain("#" + resolved + " ", "#" + payroll + " ");
        // a queue request opens no ticket
        assertThat(desk.sent(JANE).stream().filter(s -> s.subject().contains("#queue"))).isEmpty();

        desk.deliver(MailAs.newMail(ALICE, "#mytickets", "", PASSED));
        mails = desk.sent(ALICE);
        String mine = mails.get(mails.size() - 1).text();
        assertThat(mine).contains("#" + alices + " ", "#" + resolved + " ")
                .doesNotContain("#" + plain + " ", "#" + carols + " ");
    }

    /** Whether the tickets appear in this order in the text. */
    private static boolean order(String text, long... tickets) {
        int at = -1;
        for (long t : tickets) {
            int next = text.indexOf("#" + t + " ");
            if (next <= at) {
                return false;
            }
            at = next;
        }
        return true;
    }

    private static long open(Desk desk, String subject) throws Exception {
        return CommandCases.open(desk, MailAs.newMail(JANE, subject, "Please help."));
    }

    private static void command(Desk desk, String from, long id, String body) throws Exception {
        // as people act: in reply to their own notification, whose reply address proves them
        desk.deliver(CommandCases.asTold(desk, id, from, "Re: [Helpdesk #" + id + "] x",
                body));
    }
}
