package dev.q4j.cli;

import dev.q4j.client.ConnectionOptions;
import dev.q4j.client.QConnectionException;
import dev.q4j.ipc.Endpoint;
import dev.q4j.ipc.TlsOptions;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import picocli.CommandLine.Option;

/**
 * How a command connects to a kdb+ process: {@code --user}, {@code --tls}, {@code --trust-store},
 * {@code --trust-store-password} and {@code --timeout}, the options {@code q4j query} has, as a picocli mixin
 * ({@code @Mixin ConnectionMixin connection;}), with the messages for failures to connect.
 */
final class ConnectionMixin {

    @Option(names = {"-u", "--user"}, paramLabel = "USER:PASSWORD", defaultValue = "${env:Q4J_USER}",
            description = "Credentials for the handshake, as q's hopen takes them (or just USER). Default: the "
                    + "Q4J_USER environment variable, which keeps the password out of the process list.")
    String user;

    @Option(names = "--tls", description = "Connect with TLS, trusting the JDK's certificate authorities (or "
            + "those of --trust-store); the certificate must name the host.")
    boolean tls;

    @Option(names = "--trust-store", paramLabel = "PATH",
            description = "A trust store (PKCS12 or JKS) holding the certificates to trust; implies --tls.")
    Path trustStore;

    @Option(names = "--trust-store-password", paramLabel = "PW",
            defaultValue = "${env:Q4J_TRUST_STORE_PASSWORD}",
            description = "The trust store's password, if it has one. Default: the Q4J_TRUST_STORE_PASSWORD "
                    + "environment variable.")
    String trustStorePassword;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", converter = QueryCommand.SecondsConverter.class,
            description = "How long connecting may take, then how long to wait for each result (e.g. 30 or "
                    + "0.5). Default: 10 s to connect, no limit on results.")
    Duration timeout;

    /** The options cannot be used (an unreadable trust store): a usage error. */
    static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message);
        }
    }

    /**
     * {@return the connection options the command line asks for}
     *
     * @param endpoint where to connect
     * @throws Unusable when the trust store cannot be read
     */
    ConnectionOptions options(Endpoint endpoint) throws Unusable {
        ConnectionOptions.Builder b = ConnectionOptions.builder(endpoint)
                // failures reach the command as exceptions; nothing to log on the side
                .errorHandler(e -> { });
        if (user != null && !user.isEmpty()) {
            b.credentials(user);
        }
        if (timeout != null) {
            b.connectTimeout(timeout).requestTimeout(timeout);
        }
        if (tls || trustStore != null) {
            b.tls(tlsOptions());
        }
        return b.build();
    }

    private TlsOptions tlsOptions() throws Unusable {
        if (trustStore == null) {
            return TlsOptions.defaults();
        }
        char[] password = trustStorePassword == null || trustStorePassword.isEmpty() ? null
                : trustStorePassword.toCharArray();
        try {
            return TlsOptions.trustStore(trustStore, password);
        } catch (NoSuchFileException e) {
            throw new Unusable("cannot read the trust store " + trustStore + ": no such file");
        } catch (AccessDeniedException e) {
            throw new Unusable("cannot read the trust store " + trustStore + ": permission denied");
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new Unusable("cannot read the trust store " + trustStore + ": " + Q4jCommand.oneLine(e));
        }
    }

    /**
     * The server closed the connection during the handshake: what kdb+ does to credentials it refuses, and what a
     * server with no room for another client does too (the protocol cannot say which).
     *
     * @param options the options used
     * @return what to say
     */
    static String rejected(ConnectionOptions options) {
        if (options.user().isEmpty()) {
            return options.endpoint() + " closed the connection during the handshake: it may want credentials "
                    + "(give --user USER:PASSWORD), or have no capacity for another client";
        }
        return options.endpoint() + " closed the connection during the handshake: wrong credentials for user '"
                + options.user() + "', or no capacity for another client";
    }

    /**
     * {@return what to say, on one line, naming the endpoint once and hinting at trust for TLS failures}
     *
     * @param e a connection failure
     * @param endpoint where the command connected
     */
    static String connectionFailure(QConnectionException e, Endpoint endpoint) {
        String message = Q4jCommand.oneLine(e);
        // the transport and the session both name the endpoint: say it once
        String prefix = "cannot connect to " + endpoint + ": ";
        while (message.startsWith(prefix + prefix)) {
            message = message.substring(prefix.length());
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return message + " (a TLS failure: is the server's certificate trusted? see --trust-store)";
            }
        }
        return message;
    }
}
