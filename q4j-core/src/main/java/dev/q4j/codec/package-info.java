/**
 * kdb+'s IPC serialization, free of I/O: {@link dev.q4j.codec.Encoder} and {@link dev.q4j.codec.Decoder} turn
 * values into messages and back (both byte orders, large messages), {@link dev.q4j.codec.IncrementalDecoder} frames
 * a byte stream into messages, {@link dev.q4j.codec.IpcCompression} is kdb+'s compression (byte-identical to
 * kdb+'s), {@link dev.q4j.codec.Handshake} the login bytes, and {@link dev.q4j.codec.DecodeLimits} what a decoder
 * accepts from a peer it does not trust.
 *
 * <p>Depends on {@link dev.q4j.value} and {@link dev.q4j} only; never on sockets, threads or files (the transports
 * of {@code dev.q4j.ipc} feed it bytes).
 */
package dev.q4j.codec;
