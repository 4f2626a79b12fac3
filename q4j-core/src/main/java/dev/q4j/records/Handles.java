package dev.q4j.records;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The method handles of static methods the package's classes find once, as they initialize.
 *
 * <pre>{@code
 * private static final MethodHandle ITEM = Handles.findStatic(MethodHandles.lookup(), Columns.class, "item",
 *         MethodType.methodType(Object.class, Values.Decoder.class, Object.class, int.class));
 * }</pre>
 */
final class Handles {
    private Handles() {
    }

    /**
     * {@return the handle of the static method}
     *
     * @param lookup a lookup with access to it: the calling class's own, for its private methods
     * @param in the class that declares it
     * @param name its name
     * @param type its type
     * @throws ExceptionInInitializerError when there is no such method (a bug, found as the calling class initializes)
     */
    static MethodHandle findStatic(MethodHandles.Lookup lookup, Class<?> in, String name, MethodType type) {
        try {
            return lookup.findStatic(in, name, type);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
