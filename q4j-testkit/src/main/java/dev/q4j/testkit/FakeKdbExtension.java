package dev.q4j.testkit;

import dev.q4j.client.QConnection;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension running a {@link FakeKdb} for each test (or one for a whole test class): it injects the fake,
 * a ready {@link QConnection} to it and its address ({@code host:port}, with {@link Address}) into test methods,
 * constructors and lifecycle methods; after each test it fails the test when a request matched no stub, and it
 * stops the fake and every connection it made, whether the test passed or not.
 *
 * <pre>{@code
 * @ExtendWith(FakeKdbExtension.class)
 * class PriceServiceTest {
 *     @Test
 *     void readsTheLastPrice(FakeKdb kdb, @FakeKdbExtension.Address String address) {
 *         kdb.when("exec last price from trade where sym=`IBM").thenReturn(101.5);
 *         PriceService service = new PriceService(address);        // the code under test connects itself
 *         assertEquals(101.5, service.lastPrice("IBM"));
 *         kdb.verify(Match.query("exec last price from trade where sym=`IBM"));
 *     }
 * }
 * }</pre>
 *
 * <p>Registered as a field instead, it is configured and reached through the field; on a {@code static} field with
 * {@link #perClass()}, one fake serves the whole class (its stubs stay, what it received is cleared after each
 * test):
 *
 * <pre>{@code
 * @RegisterExtension
 * static FakeKdbExtension kdb = FakeKdbExtension.perClass().configure(b -> b.credentials("svc", "secret"));
 *
 * @Test
 * void counts() {
 *     kdb.fake().when("count trade").thenReturn(3L);
 *     assertEquals(QLong.of(3), kdb.connection().query("count trade"));
 * }
 * }</pre>
 *
 * <p>{@link #perClass()} on an instance field (where JUnit calls no class callbacks) starts a fake per test. One
 * extension instance serves one test class at a time: do not run the tests of a class concurrently.
 */
public final class FakeKdbExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    /** Marks a {@code String} parameter to receive the fake's address, {@code host:port}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    public @interface Address {
    }

    private final boolean perClass;
    private UnaryOperator<FakeKdb.Builder> configuration = UnaryOperator.identity();
    /** true between beforeAll and afterAll of a per-class extension on a static field */
    private volatile boolean classScoped;
    private volatile FakeKdb fake;
    private volatile QConnection connection;

    /** A fake per test, accepting any credentials: what {@code @ExtendWith(FakeKdbExtension.class)} makes. */
    public FakeKdbExtension() {
        this(false);
    }

    private FakeKdbExtension(boolean perClass) {
        this.perClass = perClass;
    }

    /** {@return an extension starting a new fake for each test (on an instance or static field)} */
    public static FakeKdbExtension perTest() {
        return new FakeKdbExtension(false);
    }

    /** {@return an extension starting one fake for the test class (on a {@code static} field)} */
    public static FakeKdbExtension perClass() {
        return new FakeKdbExtension(true);
    }

    /**
     * Sets how the fakes start: credentials, a refused login, leniency, the verification timeout.
     *
     * @param configuration applied to each fake's builder
     * @return this extension
     */
    public FakeKdbExtension configure(UnaryOperator<FakeKdb.Builder> configuration) {
        this.configuration = java.util.Objects.requireNonNull(configuration, "configuration");
        return this;
    }

    /** {@return the running fake} */
    public FakeKdb fake() {
        FakeKdb f = fake;
        if (f == null) {
            throw new IllegalStateException("no fake kdb+ is running: outside a test, or a per-test extension on a "
                    + "static field used in @BeforeAll");
        }
        return f;
    }

    /** {@return a q4j connection to the fake, made at the first call of a test (or class), closed with the fake} */
    public QConnection connection() {
        FakeKdb f = fake();
        synchronized (this) {
            if (connection == null || !connection.isOpen()) {
                connection = f.connect();
            }
            return connection;
        }
    }

    /** {@return the running fake's address, {@code host:port}} */
    public String address() {
        return fake().address();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (perClass) {
            classScoped = true;
            start();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        if (!classScoped || fake == null) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        FakeKdb f = fake;
        if (f == null) {
            return;
        }
        if (classScoped) {
            try {
                f.assertNoUnmatched();
            } finally {
                f.clearReceived();
            }
        } else {
            stop(f);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        FakeKdb f = fake;
        classScoped = false;
        if (f != null) {
            fake = null;
            connection = null;
            f.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == FakeKdb.class || type == QConnection.class
                || type == String.class && parameter.isAnnotated(Address.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (fake == null) {
            throw new ParameterResolutionException("no fake kdb+ is running for " + parameter.getDeclaringExecutable()
                    + " (a per-test fake starts before each test, not before @BeforeAll)");
        }
        Class<?> type = parameter.getParameter().getType();
        if (type == FakeKdb.class) {
            return fake();
        }
        return type == QConnection.class ? connection() : address();
    }

    private void start() throws IOException {
        FakeKdb.Builder b = configuration.apply(FakeKdb.builder());
        fake = b.start();
        connection = null;
    }

    /** Closes the fake (and its connections); fails afterwards if a request matched no stub. */
    private void stop(FakeKdb f) {
        fake = null;
        connection = null;
        try {
            f.assertNoUnmatched();
        } finally {
            f.close();
        }
    }
}
