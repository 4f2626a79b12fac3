/**
 * q4j unix: reaches kdb+'s Unix domain sockets in Linux's abstract namespace ({@code @/tmp/kx.PORT}), which the
 * JDK cannot, through junixsocket. Put it on the class or module path and connect to
 * {@link dev.q4j.ipc.Endpoint#kdbUnix(int)} or {@link dev.q4j.ipc.Endpoint#abstractUnix(String)}; nothing else to do.
 */
module dev.q4j.unix {
    requires transitive dev.q4j.ipc;
    requires org.newsclub.net.unix;
    // junixsocket's native library; on the module path nothing else would resolve it
    requires com.kohlschutter.junixsocket.nativecommon;

    exports dev.q4j.unix;

    provides dev.q4j.ipc.TransportProvider with dev.q4j.unix.JunixsocketTransportProvider;
}
