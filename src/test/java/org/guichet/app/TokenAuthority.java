package org.guichet.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OAuth2 provider for the tests, as Microsoft 365's or Google's looks from outside: a token endpoint (RFC 6749,
 * client-credentials and refresh-token grants) and the token-introspection endpoint (RFC 7662) that Dovecot's
 * oauth2 passdb asks about every bearer token. Served by the JDK's own HTTP server on a free loopback port; its
 * time comes from a clock the test may move.
 */
final class TokenAuthority implements AutoCloseable {
    static final String CLIENT_ID = "guichet-test-app";
    static final String CLIENT_SECRET = "client-secret-for-tests";
    static final String REFRESH_TOKEN = "refresh-token-for-tests";
    static final String USER = "support@helpdesk.test";

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile Clock clock = Clock.systemUTC();
    private volatile Duration lifetime = Duration.ofHours(1);
    private volatile boolean refreshTokenRevoked;
    private HttpServer server;

    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", this::token);
        server.createContext("/introspect", this::introspect);
        server.start();
    }

    String tokenUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    String introspectionUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/introspect";
    }

    void useClock(Clock clock) {
        this.clock = clock;
    }

    /** Starts over: the tokens issued so far are forgotten, the refresh token is valid again. */
    void reset() {
        expiries.clear();
        revoked.clear();
        issued.set(0);
        refused.set(0);
        refreshTokenRevoked = false;
        clock = Clock.systemUTC();
    }

    int tokensIssued() {
        return issued.get();
    }

    /** How many times the introspection endpoint answered "not active". */
    int tokensRefused() {
        return refused.get();
    }

    /** Every access token issued so far stops working at once, as when an administrator revokes the sessions. */
    void revokeAccessTokens() {
        revoked.addAll(expiries.keySet());
    }

    void revokeRefreshToken() {
        refreshTokenRevoked = true;
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(exchange);
        boolean clientOk = CLIENT_ID.equals(form.get("client_id"));
        String grant = form.getOrDefault("grant_type", "");
        boolean grantOk = switch (grant) {
            case "client_credentials" -> CLIENT_SECRET.equals(form.get("client_secret"));
            case "refresh_token" -> REFRESH_TOKEN.equals(form.get("refresh_token")) && !refreshTokenRevoked;
            default -> false;
        };
        if (!clientOk || !grantOk) {
            String error = !clientOk ? "invalid_client" : "invalid_grant";
            answer(exchange, 400, Map.of("error", error, "error_description",
                    grant.equals("refresh_token") ? "Token has been expired or revoked." : "Bad client credentials"));
            return;
        }
        String token = "access-" + issued.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
        expiries.put(token, clock.instant().plus(lifetime));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token);
        body.put("token_type", "Bearer");
        body.put("expires_in", lifetime.toSeconds());
        answer(exchange, 200, body);
    }

    private void introspect(HttpExchange exchange) throws IOException {
        String token = form(exchange).getOrDefault("token", "");
        Instant expiry = expiries.get(token);
        boolean active = expiry != null && clock.instant().isBefore(expiry) && !revoked.contains(token);
        if (!active) {
            refused.incrementAndGet();
            answer(exchange, 200, Map.of("active", false));
            return;
        }
        answer(exchange, 200, Map.of("active", true, "username", USER, "scope", "IMAP SMTP",
                "exp", expiry.getEpochSecond()));
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private void answer(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
