/** How Guichet reaches a mail server: TLS with the trusted certificate authorities, and the login, by password or OAuth2. */
package org.guichet.connect;
