package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release tarball of {@code mvn package}, unpacked into an empty folder and run as an administrator would. */
class ReleaseIT {
    @TempDir
    Path dir;

    record Run(int status, String output) {
    }

    @Test
    void theUnpackedTarballChecksTheDemoConfig() throws Exception {
        Path home = unpack();

        Run check = run(home, home.resolve("bin/guichet").toString(), "config", "check");

        assertThat(check.status()).as(check.output()).isZero();
        assertThat(check.output()).containsPattern("config +ok").containsPattern("database +ok").containsPattern("imap +ok")
                .containsPattern("smtp +ok");
        assertThat(home.resolve("data")).as("the demo's database, under the folder it was started in").isDirectory();
    }

    @Test
    void theTarballHoldsWhatAServerNeeds() throws Exception {
        Path home = unpack();

        assertThat(home.resolve("bin/guichet")).isRegularFile();
        assertThat(Files.getPosixFilePermissions(home.resolve("bin/guichet"))).contains(PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.OTHERS_EXECUTE);
        assertThat(home.resolve("lib/guichet.jar")).isRegularFile();
        try (Stream<Path> libs = Files.list(home.resolve("lib"))) {
            assertThat(libs.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("h2-"))
                    .anyMatch(n -> n.startsWith("picocli-")).anyMatch(n -> n.startsWith("micrometer-registry-prometheus"));
        }
        assertThat(home.resolve("config/guichet.yml")).isRegularFile();
        assertThat(home.resolve("config/templates/en/acknowledgement.txt")).isRegularFile();
        assertThat(home.resolve("config/templates/fr/acknowledgement.txt")).isRegularFile();
        assertThat(home.resolve("docs/mail-commands.md")).isRegularFile();
        assertThat(Files.readString(home.resolve("LICENSE"))).startsWith("MIT License");
        assertThat(Files.readString(home.resolve("guichet.service"))).contains("User=guichet", "ProtectSystem=strict",
                "ReadWritePaths=/var/lib/guichet", "NoNewPrivileges=true", "PrivateTmp=true", "Restart=on-failure",
                "ExecStart=/opt/guichet/bin/guichet run");
    }

    @Test
    void theLauncherPassesJavaOptsAndTheConfigFromTheEnvironment() throws Exception {
        Path home = unpack();
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));

        // no config/ in this folder: GUICHET_CONFIG names it; a bad JAVA_OPTS shows that it reaches the JVM
        Run check = run(elsewhere, Map.of("GUICHET_CONFIG", home.resolve("config/guichet.yml").toString()),
                home.resolve("bin/guichet").toString(), "config", "check");
        Run badOpts = run(elsewhere, Map.of("JAVA_OPTS", "-Xmx1k"), home.resolve("bin/guichet").toString(), "--version");

        assertThat(check.status()).as(check.output()).isZero();
        assertThat(check.output()).containsPattern("config +ok +" + java.util.regex.Pattern.quote(home.resolve("config/guichet.yml").toString()));
        assertThat(badOpts.status()).isNotZero();
        assertThat(badOpts.output()).containsIgnoringCase("heap");
    }

    private Path unpack() throws Exception {
        Path tarball;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            tarball = files.filter(f -> f.getFileName().toString().matches("guichet-.*\\.tar\\.gz")).findFirst()
                    .orElseThrow(() -> new AssertionError("mvn package builds target/guichet-<version>.tar.gz"));
        }
        Run tar = run(dir, "tar", "-xzf", tarball.toAbsolutePath().toString());
        assertThat(tar.status()).as(tar.output()).isZero();
        try (Stream<Path> unpacked = Files.list(dir)) {
            return unpacked.filter(p -> p.getFileName().toString().startsWith("guichet-")).findFirst().orElseThrow();
        }
    }

    private static Run run(Path workDir, String... command) throws IOException, InterruptedException {
        return run(workDir, Map.of(), command);
    }

    private static Run run(Path workDir, Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().remove("GUICHET_CONFIG");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
