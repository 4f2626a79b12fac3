package dev.q4j.client;

/**
 * One failed attempt to re-establish a lost connection, as the error handler receives it: the default handler logs
 * the first attempt of a run with its stack trace and the later ones as one line each.
 */
final class ReconnectAttemptFailed extends QConnectionException {
    private static final long serialVersionUID = 1L;

    /** 1 for the first attempt after a loss */
    final int attempt;

    ReconnectAttemptFailed(String message, int attempt, Throwable cause) {
        super(message, cause);
        this.attempt = attempt;
    }

    /**
     * The default error handler: a warning on the "dev.q4j.client" System.Logger, with the stack trace, except for
     * the reconnect attempts after the first of a run (the trace would repeat the first one's, once per attempt).
     */
    static void log(Throwable e) {
        System.Logger log = System.getLogger("dev.q4j.client");
        if (e instanceof ReconnectAttemptFailed r && r.attempt > 1) {
            log.log(System.Logger.Level.WARNING, "q4j connection: " + e.getMessage());
        } else {
            log.log(System.Logger.Level.WARNING, "q4j connection: " + e.getMessage(), e);
        }
    }
}
