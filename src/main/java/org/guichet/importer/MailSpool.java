package org.guichet.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.guichet.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Temporary files for the mails cut out of an mbox, in the folder intake spools to, deleted once handled. */
final class MailSpool {
    private static final Logger log = LoggerFactory.getLogger(MailSpool.class);
    private final Path dir;

    MailSpool(Path dir) {
        this.dir = dir;
    }

    Path create() throws IOException {
        PrivateFiles.createDirectories(dir);
        return Files.createTempFile(dir, "import-", ".eml");
    }

    void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("cannot delete spool file {}: {}", file, e.getMessage());
        }
    }
}
