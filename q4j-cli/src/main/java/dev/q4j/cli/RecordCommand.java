package dev.q4j.cli;

import dev.q4j.testkit.replay.RecordingProxy;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code q4j record}: a recording proxy between kdb+ clients and a kdb+, writing a session file. */
@Command(
        name = "record",
        mixinStandardHelpOptions = true,
        description = {
            "Record a kdb+ session: listen for kdb+ clients, forward everything to the server",
            "at --to (unchanged, both ways) and write every login, message and close to FILE,",
            "as q text with the exact bytes in hex (docs/testkit-sessions.md; passwords are",
            "not written). Stops on Ctrl-C. q4j replay serves the file without the server.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  q4j record --listen 5001 --to localhost:5000 --out trades.q4js",
            "      then point the application (q, qPython, PyKX, node-q, Java) at port 5001"
        })
final class RecordCommand extends Q4jCommand {

    @Option(names = {"-l", "--listen"}, paramLabel = "PORT", required = true,
            description = "TCP port to listen on (0 picks a free one).")
    int listen;

    @Option(names = "--bind", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: 127.0.0.1, this machine only).")
    String bind;

    @Option(names = {"-t", "--to"}, paramLabel = "HOST:PORT", required = true,
            description = "The kdb+ (or any kdb+-speaking server) to record.")
    String to;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true,
            description = "The session file to write (replaced if it exists).")
    Path out;

    @Override
    int run() throws BadInput {
        int colon = to.lastIndexOf(':');
        int port;
        try {
            port = Integer.parseInt(to.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new BadInput("--to needs HOST:PORT, not " + to);
        }
        if (colon <= 0 || port < 1 || port > 65535) {
            throw new BadInput("--to needs HOST:PORT with a port 1 .. 65535, not " + to);
        }
        String host = to.substring(0, colon);
        RecordingProxy p;
        try {
            p = RecordingProxy.start(bind, listen, host, port, out);
        } catch (IOException e) {
            return fail(oneLine(e), Q4j.CONNECTION_FAILED);
        }
        Thread hook = new Thread(() -> {
            closeQuietly(p);
            err().println("q4j record: " + p.session().entries().size() + " entries in " + out);
            err().flush();
        }, "q4j-record-shutdown");
        serveUntilStopped(hook, () -> {
            err().println("q4j record: listening on " + bind + ":" + p.port() + ", recording " + host + ":" + port
                    + " to " + out);
            err().flush();
        }, UNTIL_INTERRUPTED);
        try {
            p.close();
        } catch (IOException | RuntimeException e) {
            return fail("recording ended with a problem: " + oneLine(e), Q4j.CONNECTION_FAILED);
        }
        err().println("q4j record: " + p.session().entries().size() + " entries in " + out);
        return Q4j.OK;
    }

    private static void closeQuietly(RecordingProxy p) {
        try {
            p.close();
        } catch (IOException | RuntimeException e) {
            // shutting down
        }
    }
}
