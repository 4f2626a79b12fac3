package dev.q4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.client.ConnectionOptions;
import dev.q4j.ipc.Endpoint;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class JdbcUrlTest {

    @Test
    void readsHostPortAndSettingsPropertiesWinning() throws SQLException {
        Properties p = new Properties();
        p.setProperty("password", "from-properties");
        JdbcUrl url = JdbcUrl.parse("jdbc:q4j://db1:5001?user=me&password=p%26w&timeout=2500", p);
        assertThat(url.endpoint).isEqualTo(Endpoint.tcp("db1", 5001));
        ConnectionOptions o = url.options();
        assertThat(o.user()).isEqualTo("me");
        assertThat(url.values.get("password")).isEqualTo("from-properties");
        assertThat(o.connectTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(o.tls()).isNull();
    }

    @Test
    void readsEveryAddressFormTheClientTakes() throws SQLException {
        assertThat(JdbcUrl.parse("jdbc:q4j://:5000", null).endpoint).isEqualTo(Endpoint.tcp("localhost", 5000));
        assertThat(JdbcUrl.parse("jdbc:q4j://[::1]:5000/", null).endpoint).isEqualTo(Endpoint.tcp("::1", 5000));
        assertThat(JdbcUrl.parse("jdbc:q4j:unix:///tmp/q.sock?user=u", null).endpoint)
                .isEqualTo(Endpoint.unix(Path.of("/tmp/q.sock")));
        assertThat(JdbcUrl.parse("jdbc:q4j:@/tmp/kx.5000", null).endpoint).isEqualTo(Endpoint.kdbUnix(5000));
    }

    @Test
    void tlsIsOnWithTlsTrueOrATrustStore() throws SQLException {
        assertThat(JdbcUrl.parse("jdbc:q4j://h:1?tls=true", null).options().tls()).isNotNull();
        assertThat(JdbcUrl.parse("jdbc:q4j://h:1?tls=true&verifyHostname=false", null).options().tls()
                .verifyHostname()).isFalse();
        assertThatThrownBy(() -> JdbcUrl.parse("jdbc:q4j://h:1?trustStore=/nonexistent.p12", null).options())
                .isInstanceOf(SQLException.class).hasMessageContaining("/nonexistent.p12");
    }

    @Test
    void badUrlsAndUnknownSettingsAreErrorsNamingThem() {
        assertThatThrownBy(() -> JdbcUrl.parse("jdbc:q4j://h:1?usr=me&password=secret", null))
                .isInstanceOf(SQLException.class).hasMessageContaining("unknown setting 'usr'")
                .hasMessageContaining("password=***").hasMessageNotContaining("secret")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
        assertThatThrownBy(() -> JdbcUrl.parse("jdbc:q4j://h:port", null)).isInstanceOf(SQLException.class)
                .hasMessageContaining("not a q4j URL");
        assertThatThrownBy(() -> JdbcUrl.parse("jdbc:q4j:h:1", null)).isInstanceOf(SQLException.class)
                .hasMessageContaining("//HOST:PORT");
        assertThatThrownBy(() -> JdbcUrl.parse("jdbc:q4j://h:1?timeout=soon", null).options())
                .isInstanceOf(SQLException.class).hasMessageContaining("timeout must be a whole number");
        assertThatThrownBy(() -> JdbcUrl.parse("jdbc:q4j://h:1?tls=maybe", null).options())
                .isInstanceOf(SQLException.class).hasMessageContaining("tls must be true or false");
        assertThat(new QDriver().acceptsURL("jdbc:postgresql://h/db")).isFalse();
    }

    @Test
    void theDriverDescribesEverySetting() {
        assertThat(new QDriver().getPropertyInfo("jdbc:q4j://h:1", null)).extracting(p -> p.name)
                .containsExactlyInAnyOrderElementsOf(JdbcUrl.SETTINGS.keySet());
    }
}
