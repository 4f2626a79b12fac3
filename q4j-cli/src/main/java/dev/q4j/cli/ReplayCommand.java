package dev.q4j.cli;

import dev.q4j.testkit.replay.ReplayServer;
import dev.q4j.testkit.replay.Session;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code q4j replay}: serves a recorded session file to kdb+ clients. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Serve a session recorded by q4j record, without the server: each reply goes out",
            "byte for byte as recorded. A message that was not recorded gets a q error",
            "('replay: not recorded ...) and a diff against the recorded one on standard",
            "error. Stops on Ctrl-C; exits with 1 if anything differed.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  q4j replay --port 5001 trades.q4js",
            "      the n-th connection replays the n-th recorded one, in order",
            "  q4j replay --port 5001 --match any trades.q4js",
            "      each request answered as the same recorded request was, in any order"
        })
final class ReplayCommand extends Q4jCommand {

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", required = true,
            description = "TCP port to listen on (0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: 127.0.0.1, this machine only).")
    String bind;

    @Option(names = "--match", paramLabel = "strict|any", defaultValue = "strict",
            description = {"strict (default): connection by connection, message by message, as recorded;",
                "any: each request matched to a recorded one, in any order, on any connection."})
    String match;

    @Parameters(index = "0", paramLabel = "FILE", description = "The session file.")
    Path file;

    @Override
    int run() throws BadInput {
        ReplayServer.Mode mode = switch (match.toLowerCase(Locale.ROOT)) {
            case "strict" -> ReplayServer.Mode.STRICT;
            case "any" -> ReplayServer.Mode.MATCHING;
            default -> throw new BadInput("--match is strict or any, not " + match);
        };
        Session session;
        try {
            session = Session.read(file);
        } catch (NoSuchFileException e) {
            throw new BadInput("no such file: " + file);
        } catch (IOException e) {
            throw new BadInput("cannot read " + file + ": " + oneLine(e));
        } catch (IllegalArgumentException e) {
            throw new BadInput(file + ": " + e.getMessage());
        }
        ReplayServer s;
        try {
            s = ReplayServer.builder(session).mode(mode).port(port).bind(bind).onMismatch(m -> {
                synchronized (this) {
                    err().print(m);
                    err().flush();
                }
            }).start();
        } catch (IOException e) {
            return fail(oneLine(e), Q4j.CONNECTION_FAILED);
        }
        serveUntilStopped(new Thread(() -> onSignal(s), "q4j-replay-shutdown"), () -> {
            err().println("q4j replay: listening on " + bind + ":" + s.port() + ", replaying " + file + " ("
                    + session.entries().size() + " entries, " + match + ")");
            err().flush();
        }, UNTIL_INTERRUPTED);
        s.close();
        return summary(s);
    }

    /** {@return the exit code, after saying on standard error how many messages differed, if any} */
    private int summary(ReplayServer s) {
        int differed = s.mismatches().size();
        if (differed > 0) {
            return fail(differed + " message(s) differed from the recording (diffs above)");
        }
        return Q4j.OK;
    }

    /**
     * Ctrl-C: the JVM is exiting (with 130) while {@link #run()} still waits; stops the server, and when anything
     * differed says so and exits with 1 instead, so that a script can tell.
     */
    private void onSignal(ReplayServer s) {
        s.close();
        if (summary(s) != Q4j.OK) {
            err().flush();
            Runtime.getRuntime().halt(Q4j.BAD_INPUT);
        }
    }
}
