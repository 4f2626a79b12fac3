package dev.q4j.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.function.Predicate;

/**
 * Shortest decimal text for floats and reals: the fewest significant digits that read back to exactly the same bits,
 * laid out the way q's {@code %g}-style display does ({@code 1}, {@code 1.5}, {@code 0.0001}, {@code 1e-05},
 * {@code 1e+10}). No type suffix and no special values: callers handle those.
 */
final class Decimals {
    /** q's default display precision ({@code \P 7}): below it numbers print without an exponent */
    private static final int DISPLAY_PRECISION = 7;

    private Decimals() {
    }

    /** {@return the shortest text for a finite double, with a leading "-" for negatives and -0.0} */
    static String ofDouble(double d) {
        String sign = (Double.doubleToRawLongBits(d) < 0) ? "-" : "";
        double a = Math.abs(d);
        if (a == 0) {
            return sign + "0";
        }
        // Double.toString reads back exactly. For a normal double, a result of 15 digits or fewer is the only decimal
        // of that many digits in the double's rounding interval (such decimals are further apart than a double is
        // wide), so it is the shortest. Longer results may not be the shortest on every JDK (JDK-4511638): search.
        BigDecimal quick = new BigDecimal(Double.toString(a)).stripTrailingZeros();
        if (quick.precision() <= 15 && a >= Double.MIN_NORMAL) {
            return sign + layout(quick);
        }
        BigDecimal exact = new BigDecimal(a);
        return sign + layout(shortest(exact, quick.precision(), v -> Double.parseDouble(v.toString()) == a));
    }

    /** {@return the shortest text for a finite float, with a leading "-" for negatives and -0.0} */
    static String ofFloat(float f) {
        String sign = (Float.floatToRawIntBits(f) < 0) ? "-" : "";
        float a = Math.abs(f);
        if (a == 0) {
            return sign + "0";
        }
        // as for doubles, with 6 digits as the bound below which decimals are further apart than a float is wide
        BigDecimal quick = new BigDecimal(Float.toString(a)).stripTrailingZeros();
        if (quick.precision() <= 6 && a >= Float.MIN_NORMAL) {
            return sign + layout(quick);
        }
        BigDecimal exact = new BigDecimal((double) a);
        return sign + layout(shortest(exact, quick.precision(), v -> Float.parseFloat(v.toString()) == a));
    }

    /**
     * C's {@code %.7g} with trailing zeros removed, as the q console shows floats at its default {@code \P 7}:
     * {@code 3.141593}, {@code 100}, {@code 0.0001}, {@code 1e-05}, {@code 1.234568e+08}.
     *
     * @param d a finite double (a real widened to one shows the same)
     * @return its text, with a leading "-" for negatives and -0.0
     */
    static String display(double d) {
        String sign = (Double.doubleToRawLongBits(d) < 0) ? "-" : "";
        double a = Math.abs(d);
        if (a == 0) {
            return sign + "0";
        }
        return sign + layout(round(new BigDecimal(a), DISPLAY_PRECISION));
    }

    /**
     * The correctly rounded decimal with the fewest significant digits that reads back. {@code known} digits are
     * enough (the JDK found that many); more digits never read back worse, so probe one fewer and binary search
     * below when that works.
     */
    private static BigDecimal shortest(BigDecimal exact, int known, Predicate<BigDecimal> readsBack) {
        BigDecimal best = round(exact, known);
        if (!readsBack.test(best)) {
            // the JDK digits are not the closest ones (lopsided intervals at powers of two): count up
            int p = known;
            do {
                best = round(exact, ++p);
            } while (!readsBack.test(best));
            return best;
        }
        if (known == 1) {
            return best;
        }
        BigDecimal candidate = round(exact, known - 1);
        if (!readsBack.test(candidate)) {
            return best;
        }
        best = candidate;
        int lo = 1;
        int hi = known - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            candidate = round(exact, mid);
            if (readsBack.test(candidate)) {
                hi = mid;
                best = candidate;
            } else {
                lo = mid + 1;
            }
        }
        return best;
    }

    private static BigDecimal round(BigDecimal exact, int digits) {
        return exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
    }

    /** C's {@code %.Pg} layout with trailing zeros removed, where P is at least the number of digits. */
    private static String layout(BigDecimal positive) {
        BigDecimal v = positive.stripTrailingZeros();
        String digits = v.unscaledValue().toString();
        int n = digits.length();
        int x = n - 1 - v.scale();
        int precision = Math.max(DISPLAY_PRECISION, n);
        StringBuilder sb = new StringBuilder(n + 8);
        if (x < -4 || x >= precision) {
            sb.append(digits.charAt(0));
            if (n > 1) {
                sb.append('.').append(digits, 1, n);
            }
            sb.append('e').append(x < 0 ? '-' : '+');
            int ax = Math.abs(x);
            if (ax < 10) {
                sb.append('0');
            }
            sb.append(ax);
        } else if (x >= 0) {
            if (n <= x + 1) {
                sb.append(digits);
                for (int i = n; i <= x; i++) {
                    sb.append('0');
                }
            } else {
                sb.append(digits, 0, x + 1).append('.').append(digits, x + 1, n);
            }
        } else {
            sb.append("0.");
            for (int i = -1; i > x; i--) {
                sb.append('0');
            }
            sb.append(digits);
        }
        return sb.toString();
    }
}
