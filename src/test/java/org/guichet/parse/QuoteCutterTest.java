package org.guichet.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuoteCutterTest {

    @Test
    void cutsAnEnglishAttributionSpanningTwoLines() {
        String text = "Done, thanks.\n\nOn Mon, 3 Mar 2025 at 10:00, Support Desk <support@helpdesk.test>\nwrote:\n> old";

        assertThat(QuoteCutter.cut(text)).isEqualTo("Done, thanks.");
    }

    @Test
    void cutsAnOriginalMessageSeparator() {
        assertThat(QuoteCutter.cut("Yes.\n-----Original Message-----\nFrom: x\nold")).isEqualTo("Yes.");
    }

    @Test
    void cutsAFrenchOutlookHeaderOnOneLine() {
        assertThat(QuoteCutter.cut("Oui.\n\nDe : Support Envoyé : lundi 3 mars\nvieux")).isEqualTo("Oui.");
    }

    @Test
    void cutsABoldOutlookHeaderLeftByHtmlConversion() {
        assertThat(QuoteCutter.cut("Ok.\n*From:* Desk\n*Sent:* Monday\nold")).isEqualTo("Ok.");
    }

    @Test
    void keepsAForwardedMessageHeaderBlock() {
        String text = "Please look.\n\n---------- Forwarded message ---------\nFrom: Vendor <v@example.com>\n"
                + "Date: Mon, 3 Mar 2025\nSubject: Invoice\n\nPay now.";

        assertThat(QuoteCutter.cut(text)).isEqualTo(text);
    }

    @Test
    void keepsTheWholeTextWhenCuttingWouldLeaveNothing() {
        String text = "> only quoted\n> lines";

        assertThat(QuoteCutter.cut(text)).isEqualTo(text);
    }

    @Test
    void leavesTextWithoutQuotesAlone() {
        assertThat(QuoteCutter.cut("From the start, it failed.\nSent twice.")).isEqualTo(
                "From the start, it failed.\nSent twice.");
    }
}
