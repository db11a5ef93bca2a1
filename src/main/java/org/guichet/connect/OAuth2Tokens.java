package org.guichet.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.guichet.config.OAuth2;

/**
 * OAuth2 access tokens from the provider's token endpoint (RFC 6749: client-credentials or refresh-token grant),
 * kept until shortly before they expire and then renewed; one instance per server, shared by every connection.
 */
public final class OAuth2Tokens {
    // renewed this long before the announced expiry, or at a tenth of a short lifetime
    private static final Duration MARGIN = Duration.ofMinutes(2);
    private static final int MAX_ANSWER = 64 * 1024;

    private final OAuth2 settings;
    private final Clock clock;
    private final Duration timeout;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private Token current;

    /** A token and the instant it stops being used. */
    record Token(String value, Instant expires, Instant renewAt) {
    }

    public OAuth2Tokens(OAuth2 settings, Clock clock, Duration timeout) {
        this.settings = settings;
        this.clock = clock;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A valid access token: the one kept, or a new one when it is about to expire. */
    public synchronized String accessToken() {
        if (current == null || !clock.instant().isBefore(current.renewAt())) {
            current = fetch();
        }
        return current.value();
    }

    /** When the token in use expires, if one was fetched. */
    public synchronized Optional<Instant> expiry() {
        return Optional.ofNullable(current).map(Token::expires);
    }

    /** Forgets the token, after the server refused it (revoked before its time): the next call fetches another. */
    public synchronized void forget() {
        current = null;
    }

    private Token fetch() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", settings.refreshes() ? "refresh_token" : "client_credentials");
        form.put("client_id", settings.clientId());
        if (!settings.clientSecret().isEmpty()) {
            form.put("client_secret", settings.clientSecret());
        }
        if (settings.refreshes()) {
            form.put("refresh_token", settings.refreshToken());
        }
        if (!settings.scope().isEmpty()) {
            form.put("scope", settings.scope());
        }
        HttpRequest request = HttpRequest.newBuilder(settings.tokenUrl()).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw failure("cannot reach it (" + e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                    : ": " + e.getMessage()) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted", e);
        }
        return token(response.statusCode(), response.body());
    }

    private Token token(int status, String body) {
        JsonNode answer = parse(body.length() > MAX_ANSWER ? "" : body);
        if (status != 200 || !answer.path("access_token").isTextual()) {
            String error = answer.path("error").asText("");
            String description = answer.path("error_description").asText("");
            String grant = settings.refreshes() ? "the refresh token" : "the client id and secret";
            throw failure("refused " + grant + " (HTTP " + status + (error.isEmpty() ? "" : ", " + error)
                    + (description.isEmpty() ? "" : ": " + firstLine(description)) + ")" + advice(error), null);
        }
        long seconds = answer.path("expires_in").asLong(3600);
        Instant now = clock.instant();
        Duration lifetime = Duration.ofSeconds(Math.max(seconds, 1));
        Duration early = lifetime.dividedBy(10).compareTo(MARGIN) < 0 ? lifetime.dividedBy(10) : MARGIN;
        return new Token(answer.get("access_token").asText(), now.plus(lifetime), now.plus(lifetime).minus(early));
    }

    private String advice(String error) {
        return switch (error) {
            case "invalid_grant" -> settings.refreshes()
                    ? "; the refresh token was revoked or has expired: get a new one and set oauth2.refresh-token"
                    : "; check oauth2.client-id and oauth2.scope";
            case "invalid_client", "unauthorized_client" -> "; check oauth2.client-id and oauth2.client-secret";
            case "invalid_scope" -> "; check oauth2.scope";
            default -> "";
        };
    }

    private JsonNode parse(String body) {
        try {
            JsonNode node = json.readTree(body);
            return node == null ? json.createObjectNode() : node;
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private ConnectException failure(String what, Throwable cause) {
        return new ConnectException("the OAuth2 token endpoint " + settings.tokenUrl() + " " + what, cause);
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
