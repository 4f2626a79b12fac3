package dev.q4j.cli;

import static dev.q4j.cli.ConsoleIT.await;
import static dev.q4j.cli.ConsoleIT.type;
import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.ipc.Endpoint;
import dev.q4j.text.QConsole;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The console on a terminal: JLine over an xterm emulated on streams (keys in, screen bytes out), used as a person
 * would use it: line editing, the prompts, a multi-line expression, the spinner and Ctrl-C while waiting, Ctrl-D.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConsoleTerminalIT {
    /** escape sequences (CSI, charset and keypad modes, OSC) and carriage returns: what is left is the text shown */
    private static final Pattern CONTROL = Pattern.compile(
            "\u001B\\[[0-9;?]*[ -/]*[@-~]|\u001B[=>()][0-9A-B]?|\u001B\\][^\u0007]*\u0007|\r");

    private static String text(ByteArrayOutputStream screen) {
        return CONTROL.matcher(screen.toString(StandardCharsets.UTF_8)).replaceAll("");
    }

    private static List<String> lines(ByteArrayOutputStream screen) {
        return text(screen).lines().toList();
    }

    @Test
    void lineEditingPromptsMultiLineInputCtrlCAndCtrlD() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (ConsoleTestServer server = ConsoleTestServer.start();
                PipedOutputStream keyboard = new PipedOutputStream()) {
            PipedInputStream keys = new PipedInputStream(keyboard, 1 << 16);
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            StringWriter err = new StringWriter();
            // JLine's line discipline in Java: TerminalBuilder.streams(...) would open a real pseudo-terminal, whose
            // Ctrl-C signals a process group this JVM is not in
            Terminal terminal = new ExternalTerminal("test", "xterm", keys, screen, StandardCharsets.UTF_8);
            terminal.setSize(new Size(100, 25));
            Future<Integer> code = executor.submit(() -> Console.onTerminal("q4j", Endpoint.parse(server.address()),
                    new ConnectionMixin(), QConsole.DEFAULT, terminal, new PrintWriter(err, true), null,
                    "connected").run());
            await(() -> text(screen).contains("connected\nq)"), () -> text(screen));

            // typed with a mistake, fixed with Ctrl-A (start of line) and backspace: trade
            type(keyboard, "rade\u0001t\u0005xx\u007f\u007f\r");
            await(() -> lines(screen).contains("MSFT 2.25"), () -> text(screen));
            assertThat(lines(screen)).containsSubsequence("sym  px  ", "---------", "IBM  1.5 ", "MSFT 2.25");

            // an expression over two lines, with the continuation prompt, goes as one query
            type(keyboard, "quote (1;\r");
            await(() -> text(screen).endsWith(".."), () -> text(screen));
            type(keyboard, " 2)\r");
            await(() -> lines(screen).contains("\"(1;\\n 2)\""), () -> text(screen));

            // a q error, shown as q shows it
            type(keyboard, "'type\r");
            await(() -> lines(screen).contains("'type"), () -> text(screen));

            // a slow reply: the spinner shows after a second; Ctrl-C stops waiting, the console goes on
            type(keyboard, "sleep 1500\r");
            await(() -> text(screen).contains("s  (Ctrl-C stops waiting)"), () -> text(screen));
            type(keyboard, "\u0003");
            await(() -> err.toString().contains("stopped waiting"));
            type(keyboard, "1 2 3\r");
            await(() -> lines(screen).contains("1 2 3"), () -> text(screen));

            // Ctrl-D on an empty line ends the console
            type(keyboard, "\u0004");
            assertThat(code.get(10, TimeUnit.SECONDS)).isZero();
            terminal.close();

            assertThat(server.queries).containsExactly("trade", "quote (1;\n 2)", "'type", "sleep 1500", "1 2 3");
            assertThat(err.toString()).isEqualTo("q4j: stopped waiting: the server may still be working on it, and "
                    + "its reply will be dropped\n");
            // the late `done never shows: its reply was dropped
            assertThat(lines(screen)).doesNotContain("`done");
        } finally {
            executor.shutdownNow();
        }
    }
}
