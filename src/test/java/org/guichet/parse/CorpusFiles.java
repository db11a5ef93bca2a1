package org.guichet.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/** Where the shared corpus of real-world mails is, and which of its files are mails. */
final class CorpusFiles {

    private CorpusFiles() {
    }

    static Path corpus() {
        return Stream.of(Path.of("..", "shared", "corpus"), Path.of("/work/shared/corpus"))
                .filter(Files::isDirectory)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "The shared corpus is missing: looked in ../shared/corpus and /work/shared/corpus."));
    }

    /** Every mail of the corpus, sorted by path. */
    static Stream<Path> mails() throws IOException {
        try (Stream<Path> files = Files.walk(corpus())) {
            return files.filter(Files::isRegularFile).filter(CorpusFiles::isMail).sorted().toList().stream();
        }
    }

    /** The mail's path relative to the corpus, for messages and exception lists. */
    static String name(Path mail) {
        return corpus().relativize(mail).toString().replace('\\', '/');
    }

    static Path sibling(Path file, String suffix) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + suffix);
    }

    private static boolean isMail(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean mikel = file.toString().contains("mikel-mail") && !name.endsWith(".txt");
        return name.endsWith(".eml") || name.endsWith(".box") || name.endsWith(".msg") || mikel;
    }
}
