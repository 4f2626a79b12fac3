package dev.q4j.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Addresses as users write them. */
class EndpointTest {

    @Test
    void parsesEveryForm() {
        assertThat(Endpoint.parse("db1:5000")).isEqualTo(Endpoint.tcp("db1", 5000));
        assertThat(Endpoint.parse(":5000")).isEqualTo(Endpoint.tcp("localhost", 5000));
        assertThat(Endpoint.parse("5000")).isEqualTo(Endpoint.tcp("localhost", 5000));
        assertThat(Endpoint.parse("[::1]:5000")).isEqualTo(Endpoint.tcp("::1", 5000));
        assertThat(Endpoint.parse("unix:///tmp/q.sock")).isEqualTo(Endpoint.unix(Path.of("/tmp/q.sock")));
        assertThat(Endpoint.parse("@/tmp/kx.5000")).isEqualTo(Endpoint.kdbUnix(5000));
        assertThat(Endpoint.kdbUnix(5000)).isEqualTo(Endpoint.abstractUnix("/tmp/kx.5000"));
    }

    @Test
    void printsBackWhatItParses() {
        for (String s : new String[] {"db1:5000", "[::1]:5000", "unix:///tmp/q.sock", "@/tmp/kx.5000"}) {
            assertThat(Endpoint.parse(s).toString()).isEqualTo(s);
        }
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> Endpoint.parse("db1:http")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host:port");
        assertThatThrownBy(() -> Endpoint.tcp("db1", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Endpoint.tcp("db1", 65536)).isInstanceOf(IllegalArgumentException.class);
    }
}
