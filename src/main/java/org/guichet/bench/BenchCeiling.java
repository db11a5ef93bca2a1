package org.guichet.bench;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;

/**
 * The ceiling of intake: a plain IMAP client that lists the folder and fetches every mail's bytes, fifty to a
 * UID FETCH as intake does, and does nothing else with them.
 */
final class BenchCeiling {
    private static final int BATCH = 200;

    record Result(int mails, long bytes, long millis) {
    }

    private BenchCeiling() {
    }

    /** The fastest of a few runs: the first one also pays for the JIT compiling the IMAP code. */
    static Result best(Endpoints servers, int runs) throws MessagingException {
        Result best = null;
        for (int i = 0; i < runs; i++) {
            Result r = once(servers);
            best = best == null || r.millis() < best.millis() ? r : best;
        }
        return best;
    }

    static Result once(Endpoints servers) throws MessagingException {
        long start = System.nanoTime();
        Store store = MailboxProbe.session(servers).getStore(servers.imapSsl() ? "imaps" : "imap");
        store.connect(servers.imapHost(), servers.imapPort(), servers.user(), servers.password());
        try {
            IMAPFolder folder = (IMAPFolder) store.getFolder("INBOX");
            folder.open(Folder.READ_ONLY);
            Message[] all = folder.getMessages();
            FetchProfile profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add(FetchProfile.Item.SIZE);
            folder.fetch(all, profile);
            long bytes = 0;
            for (int from = 0; from < all.length; from += BATCH) {
                List<String> uids = new ArrayList<>();
                for (int i = from; i < Math.min(all.length, from + BATCH); i++) {
                    uids.add(String.valueOf(folder.getUID(all[i])));
                }
                bytes += fetch(folder, String.join(",", uids));
            }
            folder.close(false);
            return new Result(all.length, bytes, (System.nanoTime() - start) / 1_000_000);
        } finally {
            store.close();
        }
    }

    private static long fetch(IMAPFolder folder, String uids) throws MessagingException {
        return (Long) folder.doCommand(protocol -> {
            Response[] responses = protocol.command("UID FETCH " + uids + " (UID BODY.PEEK[])", null);
            long bytes = 0;
            for (Response r : responses) {
                if (r instanceof FetchResponse f && f.getItem(BODY.class) != null) {
                    bytes += f.getItem(BODY.class).getByteArrayInputStream().readAllBytes().length;
                }
            }
            protocol.handleResult(responses[responses.length - 1]);
            return bytes;
        });
    }
}
