package dev.q4j.examples.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.q4j.testkit.FakeKdb;
import dev.q4j.testkit.replay.RecordingProxy;
// readme:begin
import dev.q4j.testkit.replay.ReplayServer;
// readme:end
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's record/replay workflow: a session recorded once (here from a fake standing in for the real kdb+; in
 * practice with {@code q4j record} in front of a real one), then a test served by the replay alone.
 */
class ReplayWorkflowIT {

    @Test
    void recordOnceThenReplay(@TempDir Path dir) throws Exception {
        Path recording = dir.resolve("prices.q4js");
        try (FakeKdb realKdb = FakeKdb.start()) {
            realKdb.whenCall("{exec last price from trade where sym=x}", "IBM").thenReturn(187.5);
            try (RecordingProxy proxy = RecordingProxy.start(0, realKdb.host(), realKdb.port(), recording);
                    PriceService service = new PriceService("127.0.0.1:" + proxy.port())) {
                assertEquals(187.5, service.lastPrice("IBM"));
            }
        }

        // readme:begin
        try (ReplayServer kdb = ReplayServer.start(recording);      // the recorded file
                PriceService service = new PriceService(kdb.address())) {
            assertEquals(187.5, service.lastPrice("IBM"));
            kdb.assertNoMismatch();      // fails with a diff if the service asked anything new
        }
        // readme:end
    }
}
