package org.guichet.bench;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

/** GreenMail on free loopback ports, any login accepted; mail is put straight into the mailbox, as delivery would. */
final class EmbeddedServer implements BenchServer {
    private final GreenMail greenMail;
    private final GreenMailUser support;
    private final Endpoints endpoints;

    EmbeddedServer() throws IOException {
        int smtpPort = freePort();
        int imapPort = freePort();
        greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        support = greenMail.setUser(Bench.SUPPORT, Bench.SUPPORT, "support");
        endpoints = new Endpoints("127.0.0.1", imapPort, false, "127.0.0.1", smtpPort, false, Bench.SUPPORT, "support",
                "", "");
    }

    @Override
    public Endpoints endpoints() {
        return endpoints;
    }

    @Override
    public void put(List<MimeMessage> mails) {
        mails.forEach(support::deliver);
    }

    @Override
    public boolean embedded() {
        return true;
    }

    @Override
    public String describe() {
        return "embedded GreenMail, IMAP " + endpoints.imap() + ", SMTP " + endpoints.smtp();
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
