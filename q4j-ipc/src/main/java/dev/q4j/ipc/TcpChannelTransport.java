package dev.q4j.ipc;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * A plain TCP connection over a blocking {@link SocketChannel}, read and written through direct buffers of its own.
 * A {@link java.net.Socket}'s streams copy every read and write through a temporary direct buffer that they look up
 * in a thread-local cache and return after each call; for a server answering small requests that bookkeeping costs
 * more than the copy. Here each direction keeps one direct buffer for the life of the connection.
 *
 * <p>Its input is buffered already (reads take what one system call brought in, up to the buffer's size), so it
 * extends {@link BufferedInputStream}: a reader that would wrap a stream in one can see that it need not.
 * {@code available()} asks the kernel once the buffer is empty, as a socket's stream does.
 *
 * <p>Unlike a socket's streams, a channel is closed when a thread blocked in it (or entering it) is interrupted:
 * the server's threads, which alone use this transport, clear an interrupt that a handler left behind before they
 * read again. The buffers are as large as the ones the socket's streams would take from the thread-local cache
 * (32 KiB in, 64 KiB out), and are freed with the transport.
 */
final class TcpChannelTransport implements Transport {
    /** what one read may bring in: a message larger than that goes straight into its own array */
    private static final int INPUT_BUFFER = 1 << 15;
    /** what one write hands the kernel */
    private static final int OUTPUT_BUFFER = 1 << 16;

    private final SocketChannel channel;
    private final String peer;
    private final boolean local;
    private final Input in;
    private final Output out;

    TcpChannelTransport(SocketChannel channel, String peer, boolean local) throws IOException {
        this.channel = channel;
        this.peer = peer;
        this.local = local;
        this.in = new Input(channel, channel.socket().getInputStream());
        this.out = new Output(channel);
    }

    @Override
    public InputStream input() {
        return in;
    }

    @Override
    public OutputStream output() {
        return out;
    }

    @Override
    public boolean isLocal() {
        return local;
    }

    @Override
    public boolean seesArrivingBytes() {
        return true;
    }

    @Override
    public int bufferedInput() {
        return in.buffered();
    }

    @Override
    public void watchPeer(boolean watched) throws IOException {
        in.watch(watched);
    }

    @Override
    public boolean waitsForPeer() {
        return in.waitsForPeer();
    }

    @Override
    public String peer() {
        return peer;
    }

    @Override
    public void close() throws IOException {
        channel.close();
        in.wakeReader();
    }

    /** Reads through one direct buffer; one reader thread at a time, as {@link Transport} promises. */
    private static final class Input extends BufferedInputStream {
        private final SocketChannel channel;
        /** the socket adaptor's stream, asked only for {@code available()}: a channel has no such call */
        private final InputStream counter;
        /** what was read and not taken yet, between its position and its limit */
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(INPUT_BUFFER).flip();
        private final ByteBuffer incoming = buffer.duplicate();
        /** while true, the channel does not block and reads poll (see {@link #readWatched}) */
        private volatile boolean watched;
        /**
         * true only while a watched read has found nothing and waits; set false before every read that may take bytes,
         * so that no moment passes where bytes have left the kernel and this still says the peer is silent
         */
        private volatile boolean waiting = true;
        /**
         * whether the last read from the kernel brought all it asked for: then more may be waiting there (a client
         * that writes faster than it is read), else the kernel had no more at that moment; the reader's own
         */
        private boolean lastReadFull;
        /** the reader while it waits between polls, woken when the transport closes */
        private volatile Thread parked;

        Input(SocketChannel channel, InputStream counter) {
            super(InputStream.nullInputStream(), 1);
            this.channel = channel;
            this.counter = counter;
        }

        @Override
        public int read() throws IOException {
            if (!buffer.hasRemaining() && fill() <= 0) {
                return -1;
            }
            return buffer.get() & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            if (!buffer.hasRemaining()) {
                if (len >= INPUT_BUFFER) {
                    // a large message's body: straight into the caller's array, no second copy
                    return read(ByteBuffer.wrap(b, off, Math.min(len, Transports.MAX_CHANNEL_IO)));
                }
                int n = fill();
                if (n <= 0) {
                    return n;
                }
            }
            int n = Math.min(len, buffer.remaining());
            buffer.get(b, off, n);
            return n;
        }

        /** {@return what one read brought in, or -1 at the end of the stream} */
        private int fill() throws IOException {
            // into a second view of the same memory: while the read blocks, the buffer itself still says "empty" to
            // a thread asking available() (a server telling a silent client from one it has not read yet)
            incoming.clear();
            int n = read(incoming);
            if (n > 0) {
                buffer.limit(n);
                buffer.position(0);
            }
            return n;
        }

        /** Not synchronised, unlike {@link BufferedInputStream}'s: another thread may ask while a read blocks. */
        @Override
        public int available() throws IOException {
            int buffered = buffer.remaining();
            return buffered > 0 ? buffered : counter.available();
        }

        private int read(ByteBuffer into) throws IOException {
            int asked = into.remaining();
            int n = watched ? readWatched(into) : channel.read(into);
            lastReadFull = n == asked;
            return n;
        }

        /**
         * A read that does not block in the kernel: a blocked read takes the bytes when they come and only then
         * returns, so another thread could find them neither in the kernel nor here and take a client whose bytes
         * are being read for a silent one. Polling lets {@link #waiting} turn false before any bytes are taken. The
         * pause doubles from 20 µs to 20 ms: a client sends its handshake at once, a silent one costs 50 wake-ups a
         * second until the server's handshake timeout closes it.
         */
        private int readWatched(ByteBuffer into) throws IOException {
            long pause = 20_000;
            while (true) {
                waiting = false;
                int n = channel.read(into);
                if (n != 0) {
                    return n;
                }
                waiting = true;
                parked = Thread.currentThread();
                if (channel.isOpen()) {
                    java.util.concurrent.locks.LockSupport.parkNanos(this, pause);
                }
                parked = null;
                pause = Math.min(pause * 2, 20_000_000);
            }
        }

        void watch(boolean watch) throws IOException {
            waiting = watch;
            watched = watch;
            channel.configureBlocking(!watch);
        }

        int buffered() {
            int n = buffer.remaining();
            return n > 0 || !lastReadFull ? n : -1;
        }

        boolean waitsForPeer() {
            try {
                // the kernel first, then the flag: a read that took bytes after the first question had cleared it
                return watched && counter.available() == 0 && waiting;
            } catch (IOException e) {
                return true;
            }
        }

        void wakeReader() {
            Thread t = parked;
            if (t != null) {
                java.util.concurrent.locks.LockSupport.unpark(t);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = 0;
            while (skipped < n && (buffer.hasRemaining() || fill() > 0)) {
                int k = (int) Math.min(n - skipped, buffer.remaining());
                buffer.position(buffer.position() + k);
                skipped += k;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public void mark(int limit) {
            // not supported
        }

        @Override
        public void reset() throws IOException {
            throw new IOException("mark/reset not supported");
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** Writes through one direct buffer; writes are serialised by the caller, as {@link Transport} asks. */
    private static final class Output extends OutputStream {
        private final SocketChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(OUTPUT_BUFFER);

        Output(SocketChannel channel) {
            this.channel = channel;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            while (len > 0) {
                int n = Math.min(len, OUTPUT_BUFFER);
                buffer.clear();
                buffer.put(b, off, n).flip();
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                off += n;
                len -= n;
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
