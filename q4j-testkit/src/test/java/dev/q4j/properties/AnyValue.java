package dev.q4j.properties;

import dev.q4j.testkit.generators.QArbitraries;
import dev.q4j.value.QValue;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;

/** Any value, nested up to three levels ({@link QArbitraries#values()}): {@code @ForAll(supplier = AnyValue.class)}. */
final class AnyValue implements ArbitrarySupplier<QValue> {
    @Override
    public Arbitrary<QValue> get() {
        return QArbitraries.values();
    }
}
