package dev.q4j.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

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

    /** @return the shortest text for a finite double, with a leading "-" for negatives and -0.0 */
    static String ofDouble(double d) {
        String sign = (Double.doubleToRawLongBits(d) < 0) ? "-" : "";
        double a = Math.abs(d);
        if (a == 0) {
            return sign + "0";
        }
        BigDecimal exact = new BigDecimal(a);
        int lo = 1;
        int hi = 17;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Double.parseDouble(exact.round(new MathContext(mid, RoundingMode.HALF_EVEN)).toString()) == a) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return sign + layout(exact.round(new MathContext(lo, RoundingMode.HALF_EVEN)));
    }

    /** @return the shortest text for a finite float, with a leading "-" for negatives and -0.0 */
    static String ofFloat(float f) {
        String sign = (Float.floatToRawIntBits(f) < 0) ? "-" : "";
        float a = Math.abs(f);
        if (a == 0) {
            return sign + "0";
        }
        BigDecimal exact = new BigDecimal((double) a);
        int lo = 1;
        int hi = 9;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Float.parseFloat(exact.round(new MathContext(mid, RoundingMode.HALF_EVEN)).toString()) == a) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return sign + layout(exact.round(new MathContext(lo, RoundingMode.HALF_EVEN)));
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
