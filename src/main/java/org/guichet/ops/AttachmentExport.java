package org.guichet.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.guichet.GuichetException;
import org.guichet.parse.Attachment;
import org.guichet.store.BlobStore;
import org.guichet.ticket.TicketDetail;
import org.guichet.ticket.TicketMessage;

/**
 * {@code guichet attachment N --out DIR}: copies a ticket's attachments out of the store into a folder, under
 * their names made safe, never outside the folder and never over a file already there.
 */
public final class AttachmentExport {
    private final BlobStore store;

    public AttachmentExport(BlobStore store) {
        this.store = store;
    }

    /** One attachment: where it was written, or why it was not. */
    public record Saved(String name, Optional<Path> file, String problem) {
    }

    /** Saves every attachment of the ticket, or those named {@code only} (as {@code show} prints them). */
    public List<Saved> save(TicketDetail ticket, Optional<String> only, Path dir) {
        Path out = prepare(dir);
        List<Saved> saved = new ArrayList<>();
        Set<String> used = new HashSet<>();
        int index = 0;
        for (TicketMessage message : ticket.messages()) {
            for (Attachment a : message.attachments()) {
                index++;
                if (only.isEmpty() || only.get().equals(a.name())) {
                    saved.add(saveOne(a, index, out, used));
                }
            }
        }
        return saved;
    }

    private Saved saveOne(Attachment a, int index, Path out, Set<String> used) {
        Optional<Path> source = store.find(a.sha256());
        if (source.isEmpty()) {
            return new Saved(a.name(), Optional.empty(), "not kept: it was over limits.max-attachment-bytes, or purged");
        }
        String name = SafeFileName.of(a.name(), index);
        for (int n = 2; ; n++) {
            Path target = out.resolve(name).normalize();
            if (!target.getParent().equals(out)) {
                throw new IllegalStateException("a cleaned name left the folder: " + name);
            }
            if (used.add(name) && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.copy(source.get(), target, StandardCopyOption.COPY_ATTRIBUTES);
                    return new Saved(a.name(), Optional.of(target), "");
                } catch (FileAlreadyExistsException raced) {
                    // created meanwhile by someone else: take the next name
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
                }
            }
            name = numbered(SafeFileName.of(a.name(), index), n);
        }
    }

    /** "report.pdf" becomes "report (2).pdf". */
    static String numbered(String name, int n) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) + " (" + n + ")" + name.substring(dot) : name + " (" + n + ")";
    }

    private static Path prepare(Path dir) {
        try {
            Path out = Files.createDirectories(dir).toRealPath();
            if (!Files.isWritable(out)) {
                throw new ExportException("the folder " + dir + " is not writable");
            }
            return out;
        } catch (FileAlreadyExistsException e) {
            throw new ExportException("--out " + dir + " is a file, not a folder");
        } catch (IOException e) {
            throw new ExportException("cannot create the folder " + dir + ": " + e.getMessage());
        }
    }

    /** The folder cannot be used. */
    public static final class ExportException extends GuichetException {
        private static final long serialVersionUID = 1L;

        ExportException(String message) {
            super(message);
        }
    }
}
