package dev.q4j.ipc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS settings: the JSSE context whose trust decides which servers are accepted, and whether the server's
 * certificate must name the host connected to (on by default, as it should be).
 *
 * <pre>{@code
 * TlsOptions tls = TlsOptions.defaults();                                  // the JDK's trusted CAs
 * TlsOptions own = TlsOptions.trustStore(Path.of("trust.p12"), "secret".toCharArray());
 * }</pre>
 *
 * @param context the SSL context
 * @param verifyHostname whether the certificate must match the host name
 */
public record TlsOptions(SSLContext context, boolean verifyHostname) {

    /**
     * Checks and holds the options.
     *
     * @param context the SSL context
     * @param verifyHostname whether the certificate must match the host name
     */
    public TlsOptions {
        Objects.requireNonNull(context, "context");
    }

    /** {@return the JDK's default trust, hostname verification on} */
    public static TlsOptions defaults() {
        try {
            return new TlsOptions(SSLContext.getDefault(), true);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no default TLS context", e);
        }
    }

    /**
     * {@return options trusting exactly those certificates, hostname verification on}
     *
     * @param path a trust store (PKCS12 or JKS) holding the certificates to trust
     * @param password its password, or {@code null}
     * @throws IOException when the file cannot be read
     * @throws GeneralSecurityException when it is not a trust store
     */
    public static TlsOptions trustStore(Path path, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, password);
        }
        return trusting(store);
    }

    /**
     * {@return options trusting exactly those, hostname verification on}
     *
     * @param store certificates to trust
     * @throws GeneralSecurityException when the store cannot be used
     */
    public static TlsOptions trusting(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return new TlsOptions(context, true);
    }

    /** {@return the same trust without checking the host name (only for hosts without proper certificates)} */
    public TlsOptions withoutHostnameVerification() {
        return new TlsOptions(context, false);
    }
}
