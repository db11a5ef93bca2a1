package org.guichet.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Hand-made mails for what the corpus lacks: Outlook's TNEF and HTML-only mails, calendar invitations. */
class OutlookAndCalendarMailTest {

    private final MailParser parser = new MailParser(AttachmentSink.hashingOnly());

    @Test
    void tnefWinmailDatIsKeptAsAnAttachment() throws IOException {
        InboundMail mail = parse("tnef-winmail-dat-kept-as-attachment.eml");

        assertThat(mail.text()).isEqualTo("Voici le rapport du mois, en pièce jointe.");
        assertThat(mail.attachments()).singleElement().satisfies(winmail -> {
            assertThat(winmail.name()).isEqualTo("winmail.dat");
            assertThat(winmail.contentType()).isEqualTo("application/ms-tnef");
            assertThat(winmail.size()).isEqualTo(1028);
            assertThat(winmail.sha256()).isEqualTo("3122b405b0c7084ba85b1f4930e58792e3bdd16b756b01af92a87ef5db719f63");
            assertThat(winmail.inline()).isFalse();
        });
        assertThat(mail.problems()).isEmpty();
    }

    @Test
    void calendarInviteKeepsItsTextAndBothCalendarParts() throws IOException {
        InboundMail mail = parse("calendar-invite.eml");

        assertThat(mail.subject()).isEqualTo("Invitation\u00a0: Revue des incidents");
        assertThat(mail.text()).isEqualTo("Revue mensuelle des incidents, salle B.");
        assertThat(mail.attachments()).extracting(Attachment::name, Attachment::contentType, Attachment::size)
                .containsExactly(
                        tuple("attachment-1.ics", "text/calendar", 364L),
                        tuple("invite.ics", "application/ics", 364L));
        assertThat(mail.attachments()).extracting(Attachment::sha256).containsOnly(
                "4c2c42d44bbdc354af4e332bf0b1b88983e0c55f79584543e6259102057c4562");
    }

    @Test
    void outlookHtmlOnlyMailGivesTextAndInlineImages() throws IOException {
        InboundMail mail = parse("outlook-html-only-inline-images.eml");

        assertThat(mail.subject()).isEqualTo("Écran bleu au démarrage");
        assertThat(mail.from()).contains(new MailAddress("paul.martin@example.com", "Martin, Paul"));
        assertThat(mail.text()).isEqualTo("""
                Bonjour,

                Le poste affiche un écran bleu :

                puis redémarre :

                Cordialement,
                Paul""");
        assertThat(mail.html()).hasValueSatisfying(html -> assertThat(html)
                .contains("src=\"cid:image001.png@01DB8E.5A3C1F20\"", "src=\"cid:image002.png@01DB8E.5A3C1F20\"")
                .doesNotContain("MsoNormal {"));
        assertThat(mail.attachments()).extracting(Attachment::name, Attachment::size, Attachment::inline,
                Attachment::contentId).containsExactly(
                        tuple("image001.png", 188L, true,
                                Optional.of("image001.png@01DB8E.5A3C1F20")),
                        tuple("image002.png", 388L, true,
                                Optional.of("image002.png@01DB8E.5A3C1F20")));
    }

    private InboundMail parse(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/mails/" + name), name)) {
            return parser.parse(in);
        }
    }
}
