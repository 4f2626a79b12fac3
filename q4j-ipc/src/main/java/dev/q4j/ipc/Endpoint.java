package dev.q4j.ipc;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a kdb+ process listens: a TCP host and port, a Unix domain socket file, or a socket in Linux's abstract
 * namespace (where kdb+ 3.5+ listens as {@code @/tmp/kx.PORT}).
 *
 * <pre>{@code
 * Endpoint a = Endpoint.parse("localhost:5000");
 * Endpoint b = Endpoint.parse(":5000");              // localhost
 * Endpoint c = Endpoint.parse("unix:///tmp/q.sock"); // a socket file
 * Endpoint d = Endpoint.kdbUnix(5000);               // @/tmp/kx.5000, kdb+'s own Unix socket
 * }</pre>
 */
public sealed interface Endpoint {

    /**
     * {@return the endpoint}
     *
     * @param host host name or address
     * @param port TCP port
     */
    static Tcp tcp(String host, int port) {
        return new Tcp(host, port);
    }

    /**
     * {@return the endpoint}
     *
     * @param path the socket file
     */
    static UnixPath unix(Path path) {
        return new UnixPath(path);
    }

    /**
     * {@return the endpoint}
     *
     * @param name the name in the abstract namespace, without the leading NUL ({@code /tmp/kx.5000})
     */
    static AbstractUnix abstractUnix(String name) {
        return new AbstractUnix(name);
    }

    /**
     * {@return the abstract Unix socket kdb+ listens on for it on Linux, {@code @/tmp/kx.PORT}}
     *
     * @param port the port kdb+ was started with ({@code -p 5000})
     */
    static AbstractUnix kdbUnix(int port) {
        return new AbstractUnix("/tmp/kx." + port);
    }

    /**
     * Reads {@code host:port}, {@code :port} (localhost), {@code port}, {@code unix:///path} or {@code @name}.
     *
     * @param text the address
     * @return the endpoint
     * @throws IllegalArgumentException when the text is none of those
     */
    static Endpoint parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.startsWith("unix://")) {
            return unix(Path.of(text.substring("unix://".length())));
        }
        if (text.startsWith("@")) {
            return abstractUnix(text.substring(1));
        }
        int colon = text.lastIndexOf(':');
        String host = colon < 0 ? "localhost" : text.substring(0, colon);
        String port = colon < 0 ? text : text.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return tcp(host.isEmpty() ? "localhost" : host, Integer.parseInt(port));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an address: '" + text
                    + "' (expected host:port, :port, unix:///path or @name)");
        }
    }

    /**
     * A TCP host and port.
     *
     * @param host host name or address
     * @param port 1 .. 65535, or 0 to listen on any free port
     */
    record Tcp(String host, int port) implements Endpoint {
        /**
         * Checks the host and port.
         *
         * @param host host name or address
         * @param port 1 .. 65535, or 0 to listen on any free port
         */
        public Tcp {
            Objects.requireNonNull(host, "host");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 .. 65535, not " + port);
            }
        }

        @Override
        public String toString() {
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }
    }

    /**
     * A Unix domain socket file.
     *
     * @param path the socket file
     */
    record UnixPath(Path path) implements Endpoint {
        /**
         * Checks the path.
         *
         * @param path the socket file
         */
        public UnixPath {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String toString() {
            return "unix://" + path;
        }
    }

    /**
     * A Unix domain socket in Linux's abstract namespace.
     *
     * @param name the name without the leading NUL
     */
    record AbstractUnix(String name) implements Endpoint {
        /**
         * Checks the name.
         *
         * @param name the name without the leading NUL
         */
        public AbstractUnix {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return "@" + name;
        }
    }
}
