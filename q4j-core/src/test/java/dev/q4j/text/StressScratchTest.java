package dev.q4j.text;

import dev.q4j.testing.QValueArbitraries;
import dev.q4j.value.QValue;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;

class StressScratchTest {
    @Property(tries = 40000)
    void values(@ForAll("v") QValue v) {
        QTextPropertiesTest.assertRoundTrip(v);
    }
    @Property(tries = 20000)
    void corners(@ForAll("c") QValue v) {
        QTextPropertiesTest.assertRoundTrip(v);
    }
    @Provide Arbitrary<QValue> v() { return QValueArbitraries.values(); }
    @Provide Arbitrary<QValue> c() { return new QTextPropertiesTest().corners(); }

    @org.junit.jupiter.api.Test
    void sample() throws Exception {
        StringBuilder sb = new StringBuilder();
        Arbitrary<QValue> a = QValueArbitraries.values();
        Arbitrary<QValue> c = new QTextPropertiesTest().corners();
        a.sampleStream().limit(150).forEach(v -> sb.append(QText.print(v)).append('\n'));
        sb.append("----corners\n");
        c.sampleStream().limit(150).forEach(v -> sb.append(QText.print(v)).append('\n'));
        java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/scratch/dump/sample.txt"), sb);
    }
}
