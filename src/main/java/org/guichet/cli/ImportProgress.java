package org.guichet.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.guichet.importer.Importer;
import org.slf4j.LoggerFactory;

/**
 * The progress bar of {@code guichet import}, in megabytes of the files read, on standard error and only on a
 * terminal: piped or redirected, the import prints its summary alone.
 */
final class ImportProgress implements Importer.Progress, AutoCloseable {
    private static final long MB = 1024 * 1024;
    private final boolean terminal;
    private ProgressBar bar;

    private ImportProgress(boolean terminal) {
        this.terminal = terminal;
    }

    static ImportProgress onTerminal() {
        boolean terminal = System.console() != null;
        if (terminal) {
            // one log line a mail would tear the bar apart: the bar says it all, warnings still show
            ((Logger) LoggerFactory.getLogger("org.guichet")).setLevel(Level.WARN);
        }
        return new ImportProgress(terminal);
    }

    @Override
    public void update(long bytesDone, long bytesTotal, int mails) {
        if (!terminal) {
            return;
        }
        if (bar == null) {
            bar = new ProgressBarBuilder().setTaskName("Importing").setInitialMax(bytesTotal).setUnit(" MB", MB)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).showSpeed()
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
        }
        bar.stepTo(bytesDone);
        bar.setExtraMessage(mails + " mail(s)");
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
