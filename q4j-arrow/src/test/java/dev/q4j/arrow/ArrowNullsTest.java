package dev.q4j.arrow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DurationVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeSecVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampNanoTZVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UuidVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.junit.jupiter.api.Test;

/**
 * The two ways q's nulls go to Arrow, read in the Arrow vectors themselves (row 1 of {@link Tables#everyType()} holds
 * every type's null): cleared validity bits by default, and with {@link ArrowOptions.Nulls#Q_VALUES} q's own sentinel
 * values with every validity bit set.
 */
class ArrowNullsTest extends ArrowMemoryTest {
    /** the columns of a type with a null; boolean (b) and byte (x) have none */
    private static final List<String> NULLABLE = List.of("g", "h", "i", "j", "e", "f", "c", "s", "p", "m", "d", "z",
            "n", "u", "v", "t");

    @Test
    void byDefaultQsNullsAreArrowNullsAndNothingElseIs() {
        try (ArrowTable arrow = QArrow.toArrow(Tables.everyType(), allocator)) {
            VectorSchemaRoot root = arrow.root();
            for (String name : NULLABLE) {
                FieldVector v = root.getVector(name);
                assertThat(v.getNullCount()).as(name).isEqualTo(1);
                assertThat(v.isNull(1)).as(name).isTrue();
            }
            assertThat(root.getVector("b").getNullCount()).isZero();
            assertThat(root.getVector("x").getNullCount()).isZero();
        }
    }

    @Test
    void qValuesKeepQsSentinelsInTheVectorsWithNoArrowNull() {
        ArrowOptions options = ArrowOptions.builder().nulls(ArrowOptions.Nulls.Q_VALUES).build();
        try (ArrowTable arrow = QArrow.toArrow(Tables.everyType(), allocator, options)) {
            VectorSchemaRoot root = arrow.root();
            for (FieldVector v : root.getFieldVectors()) {
                assertThat(v.getNullCount()).as(v.getName()).isZero();
            }
            assertThat(((UuidVector) root.getVector("g")).getUnderlyingVector().get(1)).isEqualTo(new byte[16]);
            assertThat(((SmallIntVector) root.getVector("h")).get(1)).isEqualTo(Short.MIN_VALUE);
            assertThat(((IntVector) root.getVector("i")).get(1)).isEqualTo(Integer.MIN_VALUE);
            assertThat(((BigIntVector) root.getVector("j")).get(1)).isEqualTo(Long.MIN_VALUE);
            assertThat(((Float4Vector) root.getVector("e")).get(1)).isNaN();
            assertThat(((Float8Vector) root.getVector("f")).get(1)).isNaN();
            assertThat(new String(((VarCharVector) root.getVector("c")).get(1), StandardCharsets.UTF_8))
                    .isEqualTo(" ");
            // the null symbol is the dictionary's "" (the dictionary: IBM, "", MSFT)
            int index = ((IntVector) root.getVector("s")).get(1);
            Dictionary symbols = arrow.dictionaries().lookup(root.getVector("s").getField().getDictionary().getId());
            assertThat(new String(((VarCharVector) symbols.getVector()).get(index), StandardCharsets.UTF_8))
                    .isEmpty();
            // the temporal types' raw nulls, not moved to 1970
            assertThat(((TimeStampNanoTZVector) root.getVector("p")).get(1)).isEqualTo(Long.MIN_VALUE);
            assertThat(((DateDayVector) root.getVector("m")).get(1)).isEqualTo(Integer.MIN_VALUE);
            assertThat(((DateDayVector) root.getVector("d")).get(1)).isEqualTo(Integer.MIN_VALUE);
            assertThat(((TimeStampMicroTZVector) root.getVector("z")).get(1)).isEqualTo(Long.MIN_VALUE);
            assertThat(DurationVector.get(((BaseFixedWidthVector) root.getVector("n")).getDataBuffer(), 1))
                    .isEqualTo(Long.MIN_VALUE);
            assertThat(((TimeSecVector) root.getVector("u")).get(1)).isEqualTo(Integer.MIN_VALUE);
            assertThat(((TimeSecVector) root.getVector("v")).get(1)).isEqualTo(Integer.MIN_VALUE);
            assertThat(((TimeMilliVector) root.getVector("t")).get(1)).isEqualTo(Integer.MIN_VALUE);
            // boolean and byte have no null: their values as they are
            assertThat(((BitVector) root.getVector("b")).get(1)).isZero();
            assertThat(((UInt1Vector) root.getVector("x")).get(1)).isEqualTo((byte) 0x7f);
        }
    }
}
