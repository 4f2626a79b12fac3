package dev.q4j.testing.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate made by the JDK's keytool (EC, secp256r1, valid two days), for TLS tests: its key store
 * (alias {@code server}), a trust store holding just the certificate, and a loopback TLS server socket presenting it.
 * Both stores are PKCS12 with the password {@link #PASSWORD}.
 *
 * <pre>{@code
 * SelfSignedCertificate localhost = SelfSignedCertificate.make(dir, "localhost", "dns:localhost,ip:127.0.0.1");
 * ServerSocket tls = localhost.serverSocket();   // trust it with localhost.trustStore()
 * }</pre>
 */
public final class SelfSignedCertificate {
    /** The password of both stores. */
    public static final String PASSWORD = "changeit";

    private final Path keyStore;
    private final Path trustStore;
    private final X509Certificate certificate;

    private SelfSignedCertificate(Path keyStore, Path trustStore, X509Certificate certificate) {
        this.keyStore = keyStore;
        this.trustStore = trustStore;
        this.certificate = certificate;
    }

    /**
     * Makes one (keytool is a JVM start: about a second).
     *
     * @param dir where to write {@code NAME.p12} and {@code NAME-trust.p12}, NAME being {@code commonName}
     * @param commonName the subject's CN, e.g. {@code localhost}
     * @param subjectAlternativeNames keytool's SAN extension, e.g. {@code dns:localhost,ip:127.0.0.1}
     * @return the certificate and its stores
     * @throws IOException if keytool cannot start or a store cannot be written
     * @throws InterruptedException if interrupted while waiting for keytool
     * @throws GeneralSecurityException if the key store keytool wrote cannot be read
     */
    public static SelfSignedCertificate make(Path dir, String commonName, String subjectAlternativeNames)
            throws IOException, InterruptedException, GeneralSecurityException {
        return start(dir, commonName, subjectAlternativeNames).await();
    }

    /**
     * Starts keytool making one, so that a test can make several at once; {@link Pending#await()} gives it.
     *
     * @param dir where to write {@code NAME.p12} and {@code NAME-trust.p12}, NAME being {@code commonName}
     * @param commonName the subject's CN
     * @param subjectAlternativeNames keytool's SAN extension
     * @return keytool, running
     * @throws IOException if keytool cannot start
     */
    public static Pending start(Path dir, String commonName, String subjectAlternativeNames) throws IOException {
        Path keys = dir.resolve(commonName + ".p12");
        List<String> command = List.of(Processes.jdkTool("keytool"),
                "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC",
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + commonName, "-ext", "SAN=" + subjectAlternativeNames, "-validity", "2",
                "-keystore", keys.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        return new Pending(Processes.start(command), command, keys, dir.resolve(commonName + "-trust.p12"));
    }

    /** keytool making a certificate. */
    public static final class Pending {
        private final Process keytool;
        private final List<String> command;
        private final Path keys;
        private final Path trust;

        private Pending(Process keytool, List<String> command, Path keys, Path trust) {
            this.keytool = keytool;
            this.command = command;
            this.keys = keys;
            this.trust = trust;
        }

        /**
         * Waits for keytool (at most 30 s) and writes the trust store.
         *
         * @return the certificate and its stores
         * @throws IOException if the trust store cannot be written
         * @throws InterruptedException if interrupted while waiting
         * @throws GeneralSecurityException if the key store cannot be read
         * @throws AssertionError if keytool fails or does not finish
         */
        public SelfSignedCertificate await() throws IOException, InterruptedException, GeneralSecurityException {
            Processes.finish(keytool, command, Duration.ofSeconds(30));
            X509Certificate certificate = (X509Certificate) load(keys).getCertificate("server");
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("server", certificate);
            try (OutputStream out = Files.newOutputStream(trust)) {
                store.store(out, PASSWORD.toCharArray());
            }
            return new SelfSignedCertificate(keys, trust, certificate);
        }
    }

    private static KeyStore load(Path path) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    /** {@return the key store: the certificate and its private key, alias {@code server}} */
    public Path keyStore() {
        return keyStore;
    }

    /** {@return the trust store: the certificate alone} */
    public Path trustStore() {
        return trustStore;
    }

    /** {@return the certificate} */
    public X509Certificate certificate() {
        return certificate;
    }

    /**
     * A server-side TLS context presenting this certificate.
     *
     * @return the context
     * @throws IOException if the key store cannot be read
     * @throws GeneralSecurityException if it cannot be loaded
     */
    public SSLContext serverContext() throws IOException, GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(keyStore), PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    /**
     * A TLS server socket on a free loopback port presenting this certificate (a {@code JavakdbServer} can serve
     * on it).
     *
     * @return the bound socket
     * @throws IOException if it cannot bind
     * @throws GeneralSecurityException if the key store cannot be loaded
     */
    public ServerSocket serverSocket() throws IOException, GeneralSecurityException {
        return serverContext().getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }
}
