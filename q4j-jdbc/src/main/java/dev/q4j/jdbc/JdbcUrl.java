package dev.q4j.jdbc;

import dev.q4j.client.ConnectionOptions;
import dev.q4j.ipc.Endpoint;
import dev.q4j.ipc.TlsOptions;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A driver URL and its settings, read once: {@code jdbc:q4j://HOST:PORT?name=value&...}, {@code
 * jdbc:q4j:unix:///path} (a Unix socket file) or {@code jdbc:q4j:@name} (Linux's abstract namespace, kdb+'s {@code
 * @/tmp/kx.PORT}; needs q4j-unix). Settings come from the URL's parameters and from {@code Properties}; where both
 * name one, the {@code Properties} win. An unknown name is an error, not ignored.
 */
final class JdbcUrl {
    static final String PREFIX = "jdbc:q4j:";

    /** The settings, with their descriptions for {@link java.sql.Driver#getPropertyInfo}. */
    static final Map<String, String> SETTINGS = settings();

    final Endpoint endpoint;
    final Map<String, String> values;

    private JdbcUrl(Endpoint endpoint, Map<String, String> values) {
        this.endpoint = endpoint;
        this.values = values;
    }

    private static Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("user", "the user name sent in kdb+'s handshake");
        m.put("password", "the password sent in kdb+'s handshake");
        m.put("tls", "true to connect with TLS (kdb+'s -E 1 or 2)");
        m.put("trustStore", "a trust store file (PKCS12 or JKS) holding the certificates to trust; implies tls");
        m.put("trustStorePassword", "the trust store's password");
        m.put("verifyHostname", "false to accept a certificate that does not name the host (default true)");
        m.put("timeout", "connect timeout in milliseconds, as q's hopen (default 10000)");
        m.put("queryTimeout", "the default Statement.setQueryTimeout, in seconds (default 0: none)");
        m.put("fetchSize", "the default Statement.setFetchSize (accepted; kdb+ sends a result whole)");
        m.put("language", "q (the default) or sql: what a statement's text without a q) or s) prefix is");
        return Map.copyOf(m);
    }

    /** {@return whether the driver takes {@code url}} */
    static boolean accepts(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    /**
     * {@return the URL read, with {@code info}'s settings over the URL's}
     *
     * @throws SQLException (SQLState 08001) when the URL or a setting is malformed or unknown
     */
    static JdbcUrl parse(String url, Properties info) throws SQLException {
        if (!accepts(url)) {
            throw new SQLException("not a q4j URL: " + url + " (expected " + PREFIX + "//HOST:PORT)", "08001");
        }
        String rest = url.substring(PREFIX.length());
        int q = rest.indexOf('?');
        String address = q < 0 ? rest : rest.substring(0, q);
        Map<String, String> values = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : rest.substring(q + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                values.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        if (info != null) {
            for (String name : info.stringPropertyNames()) {
                values.put(name, info.getProperty(name));
            }
        }
        for (String name : values.keySet()) {
            if (!SETTINGS.containsKey(name)) {
                throw new SQLException("unknown setting '" + name + "' in " + redact(url) + " (known: "
                        + List.copyOf(SETTINGS.keySet()) + ")", "08001");
            }
        }
        return new JdbcUrl(endpoint(address, url), values);
    }

    private static Endpoint endpoint(String address, String url) throws SQLException {
        try {
            if (address.startsWith("//")) {
                String hostPort = address.substring(2);
                if (hostPort.endsWith("/")) {
                    hostPort = hostPort.substring(0, hostPort.length() - 1);
                }
                if (hostPort.isEmpty() || hostPort.indexOf('/') >= 0) {
                    throw new IllegalArgumentException("expected //HOST:PORT");
                }
                return Endpoint.parse(hostPort);
            }
            if (address.startsWith("unix://") || address.startsWith("@")) {
                return Endpoint.parse(address);
            }
            throw new IllegalArgumentException("expected //HOST:PORT, unix:///path or @name after jdbc:q4j:");
        } catch (IllegalArgumentException e) {
            throw new SQLException("not a q4j URL: " + redact(url) + ": " + e.getMessage(), "08001", e);
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** {@return the URL without the password's value} */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    /** {@return the connection options these settings make} */
    ConnectionOptions options() throws SQLException {
        ConnectionOptions.Builder b = ConnectionOptions.builder(endpoint);
        String user = values.get("user");
        String password = values.get("password");
        if (user != null || password != null) {
            b.credentials(user == null ? "" : user, password == null ? "" : password);
        }
        long timeout = number("timeout", 10_000);
        if (timeout <= 0) {
            throw new SQLException("timeout must be positive (milliseconds): " + timeout, "08001");
        }
        b.connectTimeout(Duration.ofMillis(timeout));
        TlsOptions tls = tls();
        if (tls != null) {
            b.tls(tls);
        }
        return b.build();
    }

    private TlsOptions tls() throws SQLException {
        String store = values.get("trustStore");
        boolean on = bool("tls", store != null);
        if (!on) {
            if (store != null) {
                throw new SQLException("trustStore is set but tls is false", "08001");
            }
            return null;
        }
        TlsOptions tls;
        if (store == null) {
            tls = TlsOptions.defaults();
        } else {
            String password = values.get("trustStorePassword");
            try {
                tls = TlsOptions.trustStore(Path.of(store), password == null ? null : password.toCharArray());
            } catch (IOException | GeneralSecurityException e) {
                throw new SQLException("cannot read the trust store " + store + ": " + e.getMessage(), "08001", e);
            }
        }
        return bool("verifyHostname", true) ? tls : tls.withoutHostnameVerification();
    }

    /** {@return the setting as a whole number, {@code otherwise} when absent} */
    long number(String name, long otherwise) throws SQLException {
        String v = values.get(name);
        if (v == null) {
            return otherwise;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new SQLException(name + " must be a whole number: '" + v + "'", "08001", e);
        }
    }

    private boolean bool(String name, boolean otherwise) throws SQLException {
        String v = values.get(name);
        if (v == null) {
            return otherwise;
        }
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "" -> {
                return true;
            }
            case "false", "0", "no" -> {
                return false;
            }
            default -> throw new SQLException(name + " must be true or false: '" + v + "'", "08001");
        }
    }

    /** {@return whether {@code language} is {@code sql}} */
    boolean sqlByDefault() throws SQLException {
        String v = values.getOrDefault("language", "q").trim().toLowerCase(Locale.ROOT);
        if (!v.equals("q") && !v.equals("sql")) {
            throw new SQLException("language must be q or sql: '" + values.get("language") + "'", "08001");
        }
        return v.equals("sql");
    }

    /** {@return the settings as {@link java.sql.Driver#getPropertyInfo} describes them} */
    static DriverPropertyInfo[] propertyInfo(Properties info) {
        return SETTINGS.entrySet().stream().map(e -> {
            DriverPropertyInfo p = new DriverPropertyInfo(e.getKey(), info == null ? null
                    : info.getProperty(e.getKey()));
            p.description = e.getValue();
            p.required = false;
            if (e.getKey().equals("tls") || e.getKey().equals("verifyHostname")) {
                p.choices = new String[] {"true", "false"};
            } else if (e.getKey().equals("language")) {
                p.choices = new String[] {"q", "sql"};
            }
            return p;
        }).toArray(DriverPropertyInfo[]::new);
    }
}
