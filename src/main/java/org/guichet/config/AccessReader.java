package org.guichet.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads the login and TLS trust keys of {@code imap} and {@code smtp}, and the shared {@code oauth2} section. */
final class AccessReader {

    static final List<String> KEYS = List.of("auth", "trust-store");
    static final List<String> OAUTH2_KEYS = List.of("token-url", "client-id", "client-secret", "refresh-token",
            "scope");

    private final YamlMap root;
    private final Path baseDir;

    AccessReader(YamlMap root, Path baseDir) {
        this.root = root;
        this.baseDir = baseDir;
    }

    Access read(YamlMap section) {
        ConfigValue auth = section.value("auth").orElse(null);
        boolean oauth2 = false;
        if (auth != null) {
            String text = auth.nonBlank().strip();
            if (!text.equals("password") && !text.equals("oauth2")) {
                throw auth.error(auth.key() + " must be password or oauth2, not " + auth.shown());
            }
            oauth2 = text.equals("oauth2");
        }
        Optional<Path> trust = section.value("trust-store").map(this::trustStore);
        return new Access(oauth2 ? Access.Auth.OAUTH2 : Access.Auth.PASSWORD, trust,
                oauth2 ? Optional.of(oauth2(auth)) : Optional.empty());
    }

    private Path trustStore(ConfigValue value) {
        Path path;
        try {
            path = baseDir.resolve(value.nonBlank().strip());
        } catch (InvalidPathException e) {
            throw value.error(value.key() + " names '" + value.text() + "', which is not a valid path; correct it");
        }
        if (!Files.isReadable(path) || Files.isDirectory(path)) {
            throw value.error(value.key() + " names " + path + ", which is not a readable file; give the PEM file"
                    + " of the certificate authority that signed the server's certificate");
        }
        return path;
    }

    private OAuth2 oauth2(ConfigValue auth) {
        if (!root.has("oauth2")) {
            throw auth.error(auth.key() + " is oauth2, but the file has no oauth2 section; add one with token-url,"
                    + " client-id, client-secret (or refresh-token) and scope");
        }
        YamlMap map = root.map("oauth2", OAUTH2_KEYS);
        ConfigValue url = map.required("token-url");
        URI tokenUrl;
        try {
            tokenUrl = new URI(url.nonBlank().strip());
        } catch (URISyntaxException e) {
            throw url.error(url.key() + " must be an https:// URL, not " + url.shown());
        }
        if (!"https".equals(tokenUrl.getScheme()) && !loopbackHttp(tokenUrl)) {
            throw url.error(url.key() + " must be an https:// URL (plain http only on the loopback), not "
                    + url.shown());
        }
        String secret = map.optionalText("client-secret");
        String refresh = map.optionalText("refresh-token");
        if (secret.isBlank() && refresh.isBlank()) {
            throw map.error(map.lineFor("client-secret"), "client-secret", "missing value for "
                    + map.child("client-secret") + " (or " + map.child("refresh-token")
                    + "): the client-credentials grant needs the secret, the refresh-token grant the refresh token");
        }
        return new OAuth2(tokenUrl, map.required("client-id").nonBlank().strip(), secret.strip(), refresh.strip(),
                map.text("scope", "").strip());
    }

    private static boolean loopbackHttp(URI uri) {
        return "http".equals(uri.getScheme()) && ("127.0.0.1".equals(uri.getHost())
                || "localhost".equals(uri.getHost()) || "[::1]".equals(uri.getHost()));
    }
}
