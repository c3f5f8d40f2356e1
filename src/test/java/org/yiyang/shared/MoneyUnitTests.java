package org.yiyang.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class MoneyUnitTests {

    @Test
    void keepsHalfYuanAmountsExactInFen() {
        // 1,963.5 元 and 2,094.4 元 from the specs are exact in fen
        assertThat(Money.ofYuan("1963.5")).isEqualTo(Money.ofFen(196_350));
        assertThat(Money.ofYuan("2094.40").fen()).isEqualTo(209_440);
    }

    @Test
    void refusesFractionsOfAFen() {
        assertThatThrownBy(() -> Money.ofYuan("1.005")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.ofYuan("abc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addsAndSubtractsWithoutDrift() {
        Money sum = Money.ZERO;
        for (int i = 0; i < 1000; i++) {
            sum = sum.plus(Money.ofYuan("0.10"));
        }
        assertThat(sum).isEqualTo(Money.ofYuan("100"));
        assertThat(sum.minus(Money.ofFen(1)).fen()).isEqualTo(9_999);
    }

    @Test
    void throwsOnOverflowInsteadOfWrapping() {
        assertThatThrownBy(() -> Money.ofFen(Long.MAX_VALUE).plus(Money.ofFen(1)))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.ofFen(Long.MAX_VALUE / 2 + 1).times(2)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void sharesAtABasisPointRatioWithThePolicysRoundingMode() {
        Money cost = Money.ofFen(12_345); // 123.45 元
        // 90% of 12,345 fen = 11,110.5 fen
        assertThat(cost.share(9_000, RoundingMode.HALF_UP).fen()).isEqualTo(11_111);
        assertThat(cost.share(9_000, RoundingMode.DOWN).fen()).isEqualTo(11_110);
        assertThat(cost.share(9_000, RoundingMode.HALF_EVEN).fen()).isEqualTo(11_110);
        assertThat(cost.share(10_000, RoundingMode.UNNECESSARY)).isEqualTo(cost);
    }

    @Test
    void capsAndFloors() {
        Money limit = Money.ofYuan("120");
        assertThat(Money.ofYuan("150").atMost(limit)).isEqualTo(limit);
        assertThat(Money.ofYuan("80").atMost(limit)).isEqualTo(Money.ofYuan("80"));
        assertThat(Money.ofFen(-5).atLeast(Money.ZERO)).isEqualTo(Money.ZERO);
    }

    @Test
    void formatsAsYuanWithThousandsSeparators() {
        assertThat(Money.ofFen(327_250).formatYuan()).isEqualTo("3,272.50");
        assertThat(Money.ofFen(5).formatYuan()).isEqualTo("0.05");
        assertThat(Money.ofFen(-120_000).formatYuan()).isEqualTo("-1,200.00");
        assertThat(Money.ofFen(100).toString()).isEqualTo("¥1.00");
    }
}
