package dev.q4j.value;

/** The value model's side of {@link dev.q4j.internal.Attributes}: {@code withAttribute} refuses a false attribute. */
final class Attributes {
    private Attributes() {
    }

    /**
     * {@return {@code v}}
     *
     * @param v a vector just given its attribute
     * @param <V> its class
     * @throws IllegalArgumentException when the attribute is {@code s#} and the items are not sorted, or {@code u#}
     *     and they repeat, as kdb+ refuses them ({@code 's-fail}, {@code 'u-fail})
     */
    static <V extends QVector> V checked(V v) {
        String wrong = dev.q4j.internal.Attributes.violation(v, v.attribute());
        if (wrong != null) {
            throw new IllegalArgumentException(wrong);
        }
        return v;
    }
}
