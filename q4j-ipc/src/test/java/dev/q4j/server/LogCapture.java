package dev.q4j.server;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects what the server logs (System.Logger "dev.q4j.server", which the JDK routes to java.util.logging), so that
 * tests can check that a disconnected client was disconnected with a logged reason.
 *
 * <p>java.util.logging is reached by reflection: the tests are compiled inside the module dev.q4j.ipc, which does
 * not read java.logging (the main code needs only System.Logger); at run time they are on the class path.
 */
final class LogCapture implements AutoCloseable {
    /** held strongly: java.util.logging keeps loggers only weakly */
    private final Object logger;
    private final Object handler;
    private final Method flush;
    private final Method removeHandler;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    LogCapture() {
        try {
            Class<?> loggerClass = Class.forName("java.util.logging.Logger");
            Class<?> handlerClass = Class.forName("java.util.logging.Handler");
            Class<?> formatterClass = Class.forName("java.util.logging.Formatter");
            Object formatter = Class.forName("java.util.logging.SimpleFormatter").getConstructor().newInstance();
            logger = loggerClass.getMethod("getLogger", String.class).invoke(null, "dev.q4j.server");
            handler = Class.forName("java.util.logging.StreamHandler")
                    .getConstructor(OutputStream.class, formatterClass).newInstance(out, formatter);
            flush = handlerClass.getMethod("flush");
            removeHandler = loggerClass.getMethod("removeHandler", handlerClass);
            loggerClass.getMethod("addHandler", handlerClass).invoke(logger, handler);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot attach to java.util.logging", e);
        }
    }

    @Override
    public void close() {
        try {
            removeHandler.invoke(logger, handler);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return everything logged so far, as formatted (two lines a record, and stack traces) */
    String text() {
        try {
            flush.invoke(handler);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** @return every message logged so far, one per entry ("WARNING: disconnected client 3 ...") */
    List<String> messages() {
        List<String> messages = new ArrayList<>();
        for (String line : text().split("\\R")) {
            if (line.matches("^(SEVERE|WARNING|INFO|CONFIG|FINE|FINER|FINEST): .*")) {
                messages.add(line);
            }
        }
        return messages;
    }

    /**
     * Waits for a message containing every one of {@code parts}.
     *
     * @return the message
     * @throws AssertionError when none is logged within {@code timeout}
     */
    String await(Duration timeout, String... parts) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<String> messages = messages();
            for (String m : messages) {
                boolean all = true;
                for (String p : parts) {
                    all &= m.contains(p);
                }
                if (all) {
                    return m;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no log message containing " + List.of(parts) + " within "
                        + timeout.toMillis() + " ms; logged:\n" + String.join("\n", messages));
            }
            Thread.sleep(10);
        }
    }
}
