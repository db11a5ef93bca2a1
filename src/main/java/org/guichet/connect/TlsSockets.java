package org.guichet.connect;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS sockets Guichet opens to a mail server: they trust the JDK's certificate authorities, or only those of
 * a PEM file ({@code trust-store}); they check that the certificate names the host (as HTTPS does); and the last
 * one is kept, so that {@code config check} can tell the TLS version and the certificate it saw.
 */
final class TlsSockets extends SSLSocketFactory {
    private final SSLSocketFactory delegate;
    private final AtomicReference<SSLSocket> last = new AtomicReference<>();

    private TlsSockets(SSLSocketFactory delegate) {
        this.delegate = delegate;
    }

    static TlsSockets trusting(Optional<Path> pemFile, String key) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(pemFile.isPresent() ? keyStore(pemFile.get(), key) : null);
            context.init(null, trust.getTrustManagers(), null);
            return new TlsSockets(context.getSocketFactory());
        } catch (GeneralSecurityException e) {
            throw new ConnectException("cannot set up TLS with " + key + " " + pemFile.map(Path::toString)
                    .orElse("(the JDK's authorities)") + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore keyStore(Path pem, String key) throws GeneralSecurityException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(pem)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new ConnectException(key + " " + pem + " cannot be read as PEM certificates (" + e.getMessage()
                    + "); give the certificate authority's certificate, -----BEGIN CERTIFICATE----- and all", e);
        }
        if (certificates.isEmpty()) {
            throw new ConnectException(key + " " + pem + " holds no certificate; give the PEM file of the"
                    + " certificate authority that signed the server's certificate", null);
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        int i = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("ca-" + i++, certificate);
        }
        return store;
    }

    /** The last TLS socket opened, whose session tells the protocol and the server's certificate. */
    Optional<SSLSocket> last() {
        return Optional.ofNullable(last.get());
    }

    private Socket checked(Socket socket) {
        if (socket instanceof SSLSocket ssl) {
            SSLParameters parameters = ssl.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            ssl.setSSLParameters(parameters);
            last.set(ssl);
        }
        return socket;
    }

    @Override
    public Socket createSocket() throws IOException {
        return checked(delegate.createSocket());
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        return checked(delegate.createSocket(s, host, port, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return checked(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return checked(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return checked(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return checked(delegate.createSocket(address, port, localAddress, localPort));
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }
}
