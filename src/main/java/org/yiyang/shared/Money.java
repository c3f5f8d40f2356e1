package org.yiyang.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** An amount of money in fen (分, 1 元 = 100 fen). Arithmetic is exact; overflow throws. */
public record Money(long fen) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    public static Money ofFen(long fen) {
        return new Money(fen);
    }

    /** Parses an amount in yuan such as {@code "1963.5"}; more than two decimals are refused. */
    public static Money ofYuan(String yuan) {
        try {
            return new Money(new BigDecimal(yuan.trim()).movePointRight(2).longValueExact());
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("not an amount in yuan with at most two decimals");
        }
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(fen, other.fen));
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(fen, factor));
    }

    public Money atMost(Money cap) {
        return fen <= cap.fen ? this : cap;
    }

    public Money atLeast(Money floor) {
        return fen >= floor.fen ? this : floor;
    }

    /** The share at a ratio in basis points (9000 = 90%); the rounding mode comes from the policy version. */
    public Money share(int ratioBp, RoundingMode mode) {
        return new Money(BigDecimal.valueOf(fen).multiply(BigDecimal.valueOf(ratioBp))
                .divide(BigDecimal.valueOf(10_000), 0, mode).longValueExact());
    }

    public boolean isNegative() {
        return fen < 0;
    }

    public boolean isGreaterThan(Money other) {
        return fen > other.fen;
    }

    public BigDecimal yuan() {
        return BigDecimal.valueOf(fen, 2);
    }

    /** Formats as yuan with thousands separators and two decimals, e.g. {@code 3,272.50}. */
    public String formatYuan() {
        var format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(yuan());
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    @Override
    public String toString() {
        return "¥" + formatYuan();
    }
}
