package dev.q4j.interop;

import com.kx.c;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Sets KX's Java interface to UTF-8 before a test class's tests run: its encoding is one static setting for the
 * whole JVM (ISO-8859-1 unless set), and q4j reads and writes symbols and strings as UTF-8.
 *
 * <pre>{@code
 * @ExtendWith(JavakdbUtf8.class)
 * class SomeJavakdbTest { ... }
 * }</pre>
 */
public final class JavakdbUtf8 implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        c.setEncoding("UTF-8");
    }
}
