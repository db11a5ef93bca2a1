package org.guichet.bench;

import jakarta.mail.internet.MimeMessage;
import java.util.List;

/** The mail server the bench runs against: the embedded GreenMail, or a real one given by its addresses. */
interface BenchServer extends AutoCloseable {

    Endpoints endpoints();

    /** Puts these mails in the support mailbox's INBOX, as if they had arrived. */
    void put(List<MimeMessage> mails) throws Exception;

    /** Whether the mail server runs in this JVM: then the process's CPU time includes its work. */
    boolean embedded();

    /** A few words for the report: which server, where. */
    String describe();

    @Override
    void close();
}
