package dev.q4j.arrow;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * The caller's streams and channels as Arrow's readers and writers may take them: Arrow closes what it is given,
 * and the caller's socket, HTTP response or file may have more to carry. Closing these flushes, and no more.
 */
final class Unclosed {
    private Unclosed() {
    }

    static WritableByteChannel channel(OutputStream out) {
        return new WritableByteChannel() {
            private boolean open = true;

            @Override
            public int write(ByteBuffer src) throws IOException {
                int n = src.remaining();
                if (src.hasArray()) {
                    out.write(src.array(), src.arrayOffset() + src.position(), n);
                    src.position(src.limit());
                } else {
                    byte[] copy = new byte[n];
                    src.get(copy);
                    out.write(copy);
                }
                return n;
            }

            @Override
            public boolean isOpen() {
                return open;
            }

            @Override
            public void close() throws IOException {
                open = false;
                out.flush();
            }
        };
    }

    static WritableByteChannel channel(WritableByteChannel out) {
        return new WritableByteChannel() {
            @Override
            public int write(ByteBuffer src) throws IOException {
                return out.write(src);
            }

            @Override
            public boolean isOpen() {
                return out.isOpen();
            }

            @Override
            public void close() {
                // the caller's
            }
        };
    }

    static InputStream stream(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
                // the caller's
            }
        };
    }

    static SeekableByteChannel channel(SeekableByteChannel in) {
        return new SeekableByteChannel() {
            @Override
            public int read(ByteBuffer dst) throws IOException {
                return in.read(dst);
            }

            @Override
            public int write(ByteBuffer src) throws IOException {
                return in.write(src);
            }

            @Override
            public long position() throws IOException {
                return in.position();
            }

            @Override
            public SeekableByteChannel position(long newPosition) throws IOException {
                in.position(newPosition);
                return this;
            }

            @Override
            public long size() throws IOException {
                return in.size();
            }

            @Override
            public SeekableByteChannel truncate(long size) throws IOException {
                in.truncate(size);
                return this;
            }

            @Override
            public boolean isOpen() {
                return in.isOpen();
            }

            @Override
            public void close() {
                // the caller's
            }
        };
    }
}
