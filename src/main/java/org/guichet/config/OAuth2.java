package org.guichet.config;

import java.net.URI;
import java.util.Objects;

/**
 * Where and how Guichet gets OAuth2 access tokens for IMAP and SMTP: the provider's token endpoint, the
 * application's id, and either its secret (client-credentials grant, as Microsoft 365 documents for daemons) or a
 * refresh token (refresh-token grant, as Google documents); a refresh token may come with a client secret too.
 */
public record OAuth2(URI tokenUrl, String clientId, String clientSecret, String refreshToken, String scope) {

    public OAuth2 {
        Objects.requireNonNull(tokenUrl, "token url");
        Checks.text(clientId, "oauth2 client id");
        Objects.requireNonNull(clientSecret, "oauth2 client secret");
        Objects.requireNonNull(refreshToken, "oauth2 refresh token");
        Objects.requireNonNull(scope, "oauth2 scope");
        if (clientSecret.isEmpty() && refreshToken.isEmpty()) {
            throw new IllegalArgumentException("oauth2 needs a client secret or a refresh token");
        }
    }

    /** The refresh-token grant when a refresh token is set, else client credentials. */
    public boolean refreshes() {
        return !refreshToken.isEmpty();
    }

    /** Leaves the secrets out, so that logging the record cannot leak them. */
    @Override
    public String toString() {
        return "OAuth2[" + tokenUrl + ", client " + clientId + ", " + (refreshes() ? "refresh token" : "client secret")
                + ", scope " + scope + "]";
    }
}
