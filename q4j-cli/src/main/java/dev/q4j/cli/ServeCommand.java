package dev.q4j.cli;

import dev.q4j.ipc.Endpoint;
import dev.q4j.server.Authenticator;
import dev.q4j.server.QServer;
import dev.q4j.server.RequestHandler;
import dev.q4j.server.ServerOptions;
import dev.q4j.tick.Tickerplant;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code q4j serve}: a kdb+-speaking server, echoing requests or running the tickerplant service. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Run a kdb+-speaking server that q, javakdb, node-q or q4j clients can connect to.",
            "Stops on Ctrl-C (in-flight requests get 5 seconds to finish).",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  q4j serve --port 5000 --echo",
            "      answers every sync request with the value it received:",
            "      q)h:hopen 5000; h(1;`a;\"b\")     / (1;`a;\"b\")",
            "  q4j serve --port 5010 --tickerplant --auth user:secret",
            "      .u.sub[table;syms] / .u.upd[table;data], as kdb+tick's tick.q:",
            "      q)h:hopen `::5010:user:secret; upd:{[t;x] show x}; h(\".u.sub\";`trade;`)",
            "  q4j serve --port 0 --echo",
            "      picks a free port and prints it",
            "  q4j serve --port 5000 --bind 0.0.0.0 --auth user:secret --echo",
            "      reachable from other machines (without --auth it warns: anyone",
            "      who reaches the port could connect)"
        })
final class ServeCommand extends Q4jCommand {

    /** What the server does. */
    static final class Mode {
        @Option(names = "--echo", required = true,
                description = "Answer every sync request with the value it received.")
        boolean echo;

        @Option(names = "--tickerplant", required = true,
                description = "Run the publish/subscribe service (.u.sub, .u.upd).")
        boolean tickerplant;
    }

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", required = true,
            description = "TCP port to listen on (0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = {"Address to listen on (default: 127.0.0.1, this machine only;",
                "0.0.0.0 for every interface, as q's -p: give --auth too)."})
    String bind;

    @Option(names = "--unix", paramLabel = "PATH", description = "Also listen on this Unix socket file.")
    Path unix;

    @Option(names = {"-a", "--auth"}, paramLabel = "USER:PASSWORD",
            description = "Accept only these credentials (default: anyone, as q without -u).")
    String auth;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    @Override
    int run() throws BadInput {
        ServerOptions.Builder options = ServerOptions.builder(port).bind(bind);
        if (unix != null) {
            options.listen(Endpoint.unix(unix));
        }
        if (auth != null) {
            int colon = auth.indexOf(':');
            options.authenticator(colon < 0 ? Authenticator.single(auth, "")
                    : Authenticator.single(auth.substring(0, colon), auth.substring(colon + 1)));
        }
        QServer running;
        try {
            if (mode.tickerplant) {
                running = Tickerplant.start(options, Map.of()).server();
            } else {
                running = QServer.start(options.requestHandler(RequestHandler.sync((client, request) -> request))
                        .build());
            }
        } catch (IOException e) {
            return fail(oneLine(e), Q4j.CONNECTION_FAILED);
        }
        String warning = exposureWarning(bind, auth);
        if (warning != null) {
            err().println("q4j serve: warning: " + warning);
        }
        boolean interrupted = serveUntilStopped(new Thread(running::close, "q4j-serve-shutdown"), () -> {
            for (Endpoint e : running.endpoints()) {
                err().println("q4j serve: listening on " + e + (mode.tickerplant ? " (tickerplant)" : " (echo)"));
            }
            err().flush();
        }, running::awaitShutdown);
        if (interrupted) {
            running.close();
        }
        return Q4j.OK;
    }

    /**
     * {@return what to warn about when {@code bind} reaches beyond this machine and nobody's credentials are checked,
     * else {@code null}}
     *
     * @param bind the address listened on
     * @param auth the {@code --auth} given, or {@code null}
     */
    static String exposureWarning(String bind, String auth) {
        if (auth != null) {
            return null;
        }
        try {
            if (java.net.InetAddress.getByName(bind).isLoopbackAddress()) {
                return null;
            }
        } catch (java.net.UnknownHostException e) {
            return null;   // it cannot be bound either: the listen fails and says so
        }
        return "listening on " + bind + " with no --auth: anyone who can reach this port can connect and send "
                + "requests (give --auth USER:PASSWORD, or --bind 127.0.0.1)";
    }
}
