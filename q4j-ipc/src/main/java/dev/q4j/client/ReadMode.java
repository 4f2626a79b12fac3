package dev.q4j.client;

/**
 * Which thread reads what the server sends on a connection ({@link ConnectionOptions.Builder#readMode}).
 *
 * <pre>{@code
 * QConnection c = QConnection.connect(ConnectionOptions.builder("localhost", 5000)
 *         .readMode(ReadMode.CALLING_THREAD)                  // sync calls only, the lowest latency
 *         .build());
 * QValue v = c.query("select from trade where i<10");
 * }</pre>
 */
public enum ReadMode {
    /**
     * A thread of the connection's own reads (the default). The connection then takes pipelined requests
     * ({@link QConnection#queryAsync} and the like), delivers the server's pushes to a
     * {@link ConnectionOptions.Builder#listener listener} as they come, times requests out
     * ({@link ConnectionOptions.Builder#requestTimeout}) and notices a lost connection at once.
     */
    READER_THREAD,

    /**
     * Only the threads of the connection's blocking calls read, as javakdb does. The connection starts no thread at
     * all, and a blocking call ({@link QConnection#query}, {@link QConnection#call}, {@link QConnection#execute})
     * writes its request and reads the reply itself, which saves handing the reply from one thread to another: the
     * lowest latency for a connection used only for blocking calls. Pushes and requests from the server that come
     * meanwhile are handled as they are read; between calls nothing is read. Such a connection refuses the async
     * request methods, and takes neither a {@link ConnectionOptions.Builder#listener listener} nor a
     * {@link ConnectionOptions.Builder#requestTimeout request timeout}, which need a reader thread: the builder
     * refuses either at the call that would combine them with this mode.
     */
    CALLING_THREAD
}
