package dev.q4j.records;

import dev.q4j.value.QType;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Converts a Java type the mapper does not know ({@code T}) to and from one it does (the carrier {@code C}: a
 * {@code Long}, a {@code Double}, a {@code String}, an {@code Instant}...), which then maps to a q type as usual.
 * Used both ways; registered on a {@link RecordMapper.Builder} for every component of type {@code T}, or for one
 * component. The functions never see {@code null}: a q null is a {@code null} {@code T}, and a {@code null}
 * {@code T} is written as the carrier's q null.
 *
 * <pre>{@code
 * ColumnConverter<BigDecimal, Double> decimals =
 *         ColumnConverter.of(BigDecimal.class, Double.class, BigDecimal::doubleValue, BigDecimal::valueOf);
 * ColumnConverter<Money, Long> cents = ColumnConverter.of(Money.class, Long.class, Money::cents, Money::new);
 * ColumnConverter<Ticker, String> tickers = ColumnConverter.of(Ticker.class, String.class, Ticker::name, Ticker::new);
 * RecordMapper mapper = RecordMapper.builder().converter(decimals).converter(tickers)
 *         .converter(Order.class, "fee", cents)                  // only Order.fee
 *         .build();
 * }</pre>
 *
 * @param <T> the user's type
 * @param <C> the carrier type
 */
public final class ColumnConverter<T, C> {
    private final Class<T> type;
    private final Class<C> carrier;
    private final Function<? super T, ? extends C> toCarrier;
    private final Function<? super C, ? extends T> fromCarrier;
    private final QType qType;

    private ColumnConverter(Class<T> type, Class<C> carrier, Function<? super T, ? extends C> toCarrier,
            Function<? super C, ? extends T> fromCarrier, QType qType) {
        this.type = type;
        this.carrier = carrier;
        this.toCarrier = toCarrier;
        this.fromCarrier = fromCarrier;
        this.qType = qType;
    }

    /**
     * {@return the converter, written as the carrier's natural q type}
     *
     * @param <T> the user's type
     * @param <C> the carrier type
     * @param type the user's type; not a primitive
     * @param carrier a type the mapper maps (for numbers, the box: {@code Long.class}, {@code Double.class})
     * @param toCarrier from the user's type to the carrier, for writing
     * @param fromCarrier from the carrier to the user's type, for reading
     * @throws IllegalArgumentException when {@code type} or {@code carrier} is a primitive type
     */
    public static <T, C> ColumnConverter<T, C> of(Class<T> type, Class<C> carrier,
            Function<? super T, ? extends C> toCarrier, Function<? super C, ? extends T> fromCarrier) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(carrier, "carrier");
        if (type.isPrimitive() || carrier.isPrimitive()) {
            throw new IllegalArgumentException("a converter's types cannot be primitive (" + type.getName() + ", "
                    + carrier.getName() + "): use the boxes, e.g. Long.class");
        }
        return new ColumnConverter<>(type, carrier, Objects.requireNonNull(toCarrier, "toCarrier"),
                Objects.requireNonNull(fromCarrier, "fromCarrier"), null);
    }

    /**
     * {@return a converter like this one that writes {@code type}}
     *
     * @param type the q type to write the carrier as, where it has a choice ({@code Instant} as
     *     {@link QType#DATETIME}, {@code String} as {@link QType#CHAR} for a string column...)
     */
    public ColumnConverter<T, C> writtenAs(QType type) {
        return new ColumnConverter<>(this.type, carrier, toCarrier, fromCarrier, Objects.requireNonNull(type));
    }

    /** {@return the user's type} */
    public Class<T> type() {
        return type;
    }

    /** {@return the carrier type} */
    public Class<C> carrier() {
        return carrier;
    }

    /** {@return the q type chosen with {@link #writtenAs}, if any} */
    public Optional<QType> qType() {
        return Optional.ofNullable(qType);
    }

    /** Reading: a carrier value, never null, to the user's type. */
    Object fromCarrier(Object value) {
        return fromCarrier.apply(carrier.cast(value));
    }

    /** Writing: a user value, never null, to the carrier. */
    Object toCarrier(Object value) {
        return toCarrier.apply(type.cast(value));
    }

    @Override
    public String toString() {
        return "ColumnConverter[" + type.getSimpleName() + " <-> " + carrier.getSimpleName()
                + (qType == null ? "" : " as " + qType.qName()) + "]";
    }
}
