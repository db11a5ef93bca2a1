package org.guichet.app;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.guichet.config.GuichetConfig;

/**
 * The demo's embedded mail server (GreenMail) on the loopback interface: SMTP and IMAP on the configured
 * ports, any user name and password accepted, and {@code user+detail@} delivered to {@code user@}, as real
 * servers do for plus addresses.
 */
final class DemoMailServer implements AutoCloseable {
    private final GreenMail greenMail;

    private DemoMailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    static DemoMailServer start(GuichetConfig config) {
        ServerSetup smtp = new ServerSetup(config.smtp().port(), config.smtp().host(), ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = new ServerSetup(config.imap().port(), config.imap().host(), ServerSetup.PROTOCOL_IMAP);
        GreenMail greenMail = new GreenMail(new ServerSetup[] {smtp, imap});
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication()
                .withSieveIgnoreDetail());
        greenMail.start();
        return new DemoMailServer(greenMail);
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
