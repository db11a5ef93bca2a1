package org.guichet.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * A real Dovecot (IMAP, LMTP, submission) and OpenSMTPD on loopback ports, started for one test class with
 * {@code @RegisterExtension static final RealMailServers servers = new RealMailServers();} and stopped after it.
 * The servers come from {@code src/test/mail-servers/mail-servers.sh}: Debian packages, installed when missing;
 * when they cannot be installed (not root, no apt-get, no network) the class is skipped with the reason, never
 * silently. Everything lives in a temporary folder, deleted afterwards; a throwaway CA signs the certificate.
 */
final class RealMailServers implements BeforeAllCallback, AfterAllCallback {
    static final Path SCRIPT = Path.of("src/test/mail-servers/mail-servers.sh").toAbsolutePath();
    private static String installProblem;
    private static boolean installed;

    final int imapPort = TestHelpdesk.freePort();
    final int imapsPort = TestHelpdesk.freePort();
    final int smtpPort = TestHelpdesk.freePort();
    final int submissionPort = TestHelpdesk.freePort();
    final int submissionsPort = TestHelpdesk.freePort();
    final TokenAuthority authority = new TokenAuthority();
    Path dir;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        String problem = install();
        if (problem != null) {
            String message = "SKIPPED " + context.getDisplayName() + ": the real mail servers (Dovecot, OpenSMTPD)"
                    + " cannot be installed here: " + problem;
            System.err.println(message);
            throw new TestAbortedException(message);
        }
        authority.start();
        dir = Files.createTempDirectory(Path.of("/tmp"), "guichet-mail-");
        // the servers' unprivileged users must reach their sockets and Maildirs inside
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Result started = run(List.of("bash", SCRIPT.toString(), "start", dir.toString()), environment());
        if (started.code() != 0) {
            throw new IllegalStateException("the real mail servers did not start:\n" + started.output()
                    + "\ndovecot.log:\n" + tail(dir.resolve("log/dovecot.log")));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (dir != null) {
            run(List.of("bash", SCRIPT.toString(), "stop", dir.toString()), environment());
            deleteTree(dir);
        }
        authority.close();
    }

    /** The CA that signed the servers' certificate, as a PEM file for {@code trust-store}. */
    Path caPem() {
        return dir.resolve("tls/ca.pem");
    }

    /** Runs {@code doveadm} on this Dovecot instance; returns its output, fails the test when it fails. */
    String doveadm(String... arguments) {
        List<String> command = new ArrayList<>(List.of("doveadm", "-c", dir.resolve("dovecot.conf").toString()));
        command.addAll(List.of(arguments));
        Result result = run(command, Map.of());
        if (result.code() != 0) {
            throw new IllegalStateException("doveadm " + String.join(" ", arguments) + " failed: " + result.output());
        }
        return result.output();
    }

    /**
     * Whether OpenSMTPD holds no mail: none being received ({@code incoming/}), none queued for delivery or a retry
     * ({@code queue/}). A mail the servers accepted is in one of them until Dovecot's LMTP took it; a walk that meets
     * a file OpenSMTPD is just moving answers "not yet".
     */
    boolean queueEmpty() {
        Path spool = dir.resolve("smtpd/spool/smtpd");
        for (String part : List.of("incoming", "temporary", "queue")) {
            Path folder = spool.resolve(part);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(folder)) {
                if (files.anyMatch(Files::isRegularFile)) {
                    return false;
                }
            } catch (IOException | UncheckedIOException e) {
                return false;
            }
        }
        return true;
    }

    /** The Maildir of a mailbox (user@domain), as Dovecot keeps it. */
    Path maildir(String address) {
        String[] parts = address.split("@");
        return dir.resolve("mail").resolve(parts[1]).resolve(parts[0]).resolve("Maildir");
    }

    private Map<String, String> environment() {
        return Map.of("MAIL_IMAP_PORT", Integer.toString(imapPort), "MAIL_IMAPS_PORT", Integer.toString(imapsPort),
                "MAIL_SMTP_PORT", Integer.toString(smtpPort), "MAIL_SUBMISSION_PORT", Integer.toString(submissionPort),
                "MAIL_SUBMISSIONS_PORT", Integer.toString(submissionsPort),
                "MAIL_OAUTH2_URL", authority.introspectionUrl());
    }

    /** Installs once per test run; returns why it cannot, or null. */
    private static synchronized String install() {
        if (installed || installProblem != null) {
            return installProblem;
        }
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            installProblem = "they need Linux (Debian or Ubuntu), not " + System.getProperty("os.name");
            return installProblem;
        }
        Result result = run(List.of("bash", SCRIPT.toString(), "install"), Map.of());
        if (result.code() != 0) {
            installProblem = result.output().strip().lines().reduce((a, b) -> b).orElse("exit " + result.code());
            return installProblem;
        }
        installed = true;
        return null;
    }

    record Result(int code, String output) {
    }

    static Result run(List<String> command, Map<String, String> env) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(env);
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(127, command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(130, "interrupted");
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(none)";
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
