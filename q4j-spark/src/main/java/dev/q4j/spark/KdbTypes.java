package dev.q4j.spark;

import dev.q4j.value.DoubleBackedVector;
import dev.q4j.value.IntBackedVector;
import dev.q4j.value.LongBackedVector;
import dev.q4j.value.QAtom;
import dev.q4j.value.QBooleanVector;
import dev.q4j.value.QByteVector;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QGuidVector;
import dev.q4j.value.QList;
import dev.q4j.value.QRealVector;
import dev.q4j.value.QSequence;
import dev.q4j.value.QShortVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QType;
import dev.q4j.value.QValue;
import dev.q4j.value.QVector;
import dev.q4j.value.QVectors;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DayTimeIntervalType;

/** q's column types to Spark's (the table in the package's documentation), and the Spark columns over q's. */
final class KdbTypes {
    private KdbTypes() {
    }

    /**
     * {@return the Spark type of a column of a simple q type, or of symbols}
     *
     * @throws IllegalArgumentException naming the column when Spark has no type for it
     */
    static DataType of(String column, QType type, KdbOptions o) {
        switch (type) {
            case BOOLEAN:
                return DataTypes.BooleanType;
            case GUID:
            case CHAR:
            case SYMBOL:
                return DataTypes.StringType;
            case BYTE:
            case SHORT:
                return DataTypes.ShortType;
            case INT:
                return DataTypes.IntegerType;
            case LONG:
                return DataTypes.LongType;
            case REAL:
                return DataTypes.FloatType;
            case FLOAT:
                return DataTypes.DoubleType;
            case TIMESTAMP:
                return o.timestampsAsLong() ? DataTypes.LongType : DataTypes.TimestampNTZType;
            case DATETIME:
                return DataTypes.TimestampNTZType;
            case MONTH:
            case DATE:
                return DataTypes.DateType;
            case TIMESPAN:
                return o.timespansAsLong() ? DataTypes.LongType
                        : DataTypes.createDayTimeIntervalType(DayTimeIntervalType.DAY(), DayTimeIntervalType.SECOND());
            case MINUTE:
                return DataTypes.createDayTimeIntervalType(DayTimeIntervalType.HOUR(), DayTimeIntervalType.MINUTE());
            case SECOND:
            case TIME:
                return DataTypes.createDayTimeIntervalType(DayTimeIntervalType.HOUR(), DayTimeIntervalType.SECOND());
            default:
                throw new IllegalArgumentException("kdb column " + column + " is a " + type.qName()
                        + " column: Spark reads no such column yet");
        }
    }

    /**
     * {@return the Spark type of a column as its values show it}: a nested column (a general list) by its first
     * row's type: strings for char vectors, arrays of the items' type for other vectors and for atoms
     *
     * @throws IllegalArgumentException naming the column when Spark has no type for it, or when it is a nested
     *     column with no row to tell its type
     */
    static DataType of(String column, QSequence values, KdbOptions o) {
        if (!(values instanceof QList l)) {
            return of(column, values.type(), o);
        }
        if (l.count() == 0) {
            throw new IllegalArgumentException("kdb column " + column + " is a nested column (a general list) with no"
                    + " rows: its items' type is not known");
        }
        QVector first = asVector(column, 0, l.at(0));
        if (first instanceof QCharVector) {
            return DataTypes.StringType;
        }
        return DataTypes.createArrayType(of(column, first.type(), o), true);
    }

    /** {@return a nested column's row as a vector}: an atom as a vector of one */
    static QVector asVector(String column, int row, QValue x) {
        if (x instanceof QVector v) {
            return v;
        }
        if (x instanceof QAtom a) {
            return QVectors.ofAtoms(a.type(), List.of(a));
        }
        throw new IllegalArgumentException("kdb column " + column + ", row " + row + ": a " + x.type().qName()
                + " in a nested column: Spark reads vectors and atoms there");
    }

    /**
     * {@return Spark's column over rows {@code base} to {@code base + n} (or rows {@code sel}) of a q column}
     *
     * @throws IllegalStateException naming the column when its q type does not give the Spark type expected (a
     *     partition whose column differs from the first partition's)
     */
    static QColumnVector vector(String column, QSequence c, DataType type, KdbOptions o, int base, int[] sel,
            int n) {
        DataType actual = c instanceof QList ? type : of(column, c.type(), o);
        if (!actual.equals(type)) {
            throw new IllegalStateException("kdb column " + column + " holds " + c.type().qName() + " values (Spark "
                    + actual.simpleString() + ") where the table's schema says " + type.simpleString()
                    + " (its first partition's type)");
        }
        if (c instanceof QList l) {
            return new Vectors.Nested(column, type, l, o, base, sel, n);
        }
        switch (c.type()) {
            case BOOLEAN:
                return new Vectors.Booleans(column, (QBooleanVector) c, base, sel, n);
            case GUID:
                return new Vectors.Guids(column, (QGuidVector) c, base, sel, n);
            case BYTE:
                return new Vectors.Bytes(column, (QByteVector) c, base, sel, n);
            case SHORT:
                return new Vectors.Shorts(column, (QShortVector) c, base, sel, n);
            case REAL:
                return new Vectors.Reals(column, (QRealVector) c, base, sel, n);
            case CHAR:
                return new Vectors.Chars(column, (QCharVector) c, base, sel, n);
            case SYMBOL:
                return new Vectors.Symbols(column, (QSymbolVector) c, base, sel, n);
            case FLOAT:
            case DATETIME:
                return new Vectors.Doubles(column, type, (DoubleBackedVector) c, c.type() == QType.DATETIME, base,
                        sel, n);
            case LONG:
            case TIMESTAMP:
            case TIMESPAN:
                return new Vectors.Longs(column, type, (LongBackedVector) c, longKind(c.type(), o), base, sel, n);
            default:
                return new Vectors.Ints(column, type, (IntBackedVector) c, intKind(c.type()), base, sel, n);
        }
    }

    private static Vectors.LongKind longKind(QType t, KdbOptions o) {
        if (t == QType.TIMESTAMP) {
            return o.timestampsAsLong() ? Vectors.LongKind.TIMESTAMP_NANOS : Vectors.LongKind.TIMESTAMP_MICROS;
        }
        if (t == QType.TIMESPAN) {
            return o.timespansAsLong() ? Vectors.LongKind.LONG : Vectors.LongKind.TIMESPAN_MICROS;
        }
        return Vectors.LongKind.LONG;
    }

    private static Vectors.IntKind intKind(QType t) {
        switch (t) {
            case DATE:
                return Vectors.IntKind.DATE;
            case MONTH:
                return Vectors.IntKind.MONTH;
            case MINUTE:
                return Vectors.IntKind.MINUTE;
            case SECOND:
                return Vectors.IntKind.SECOND;
            case TIME:
                return Vectors.IntKind.TIME;
            default:
                return Vectors.IntKind.INT;
        }
    }
}
