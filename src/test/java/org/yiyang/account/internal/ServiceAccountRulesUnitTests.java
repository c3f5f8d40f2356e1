package org.yiyang.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yiyang.eligibility.EligibilityAnswer.ItemAnswer;
import org.yiyang.eligibility.EligibilityAnswer.TraceClause;

/** The account's pure rules: the overpayment after a death, the monthly amount per item, and the month's sums. */
class ServiceAccountRulesUnitTests {

    @Test
    void theOverpaymentIsTheCreditForTheDaysAfterTheDeathNeverMoreNorLess() {
        YearMonth june = YearMonth.of(2026, 6);
        assertThat(ServiceAccountRecoveries.overpayment(40_000, june, LocalDate.of(2026, 6, 10))).isEqualTo(26_667);
        assertThat(ServiceAccountRecoveries.overpayment(40_000, june, LocalDate.of(2026, 6, 30))).isZero();
        assertThat(ServiceAccountRecoveries.overpayment(40_000, june, LocalDate.of(2026, 5, 31))).isEqualTo(40_000);
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            YearMonth month = YearMonth.of(2024 + random.nextInt(4), 1 + random.nextInt(12));
            long credit = random.nextInt(200_000);
            LocalDate death = month.atDay(1).plusDays(random.nextInt(month.lengthOfMonth()));
            long over = ServiceAccountRecoveries.overpayment(credit, month, death);
            assertThat(over).isBetween(0L, credit);
            if (death.isBefore(month.atEndOfMonth())) {
                // one day later never recovers more
                assertThat(ServiceAccountRecoveries.overpayment(credit, month, death.plusDays(1))).isLessThanOrEqualTo(over);
            }
        }
    }

    @Test
    void theMonthlyAmountFollowsTheRulesAndKeepsTheGrantOnlyWhenFactsAreMissing() {
        var eligible = answer(true, null, 40_000L);
        assertThat(ServiceAccountCrediting.decide(eligible, 40_000L).fen()).isEqualTo(40_000);
        var superseded = answer(true, "COMMUNITY_SUBSIDY_1", 20_000L);
        assertThat(ServiceAccountCrediting.decide(superseded, 20_000L))
                .isEqualTo(new ServiceAccountCrediting.Decided(0, "SUPERSEDED", "COMMUNITY_SUBSIDY_1"));
        var not = new ItemAnswer("COMMUNITY_SUBSIDY_2", "n", "c", false, null, 20_000L, null, List.of(),
                List.of(new TraceClause("age >= 80", "79", false), new TraceClause("cityHukou", "true", true)));
        assertThat(ServiceAccountCrediting.decide(not, 20_000L))
                .isEqualTo(new ServiceAccountCrediting.Decided(0, "NO_LONGER_ELIGIBLE", "age >= 80"));
        var unknown = new ItemAnswer("COMMUNITY_SUBSIDY_1", "n", "c", null, null, 40_000L, null,
                List.of("careLevel"), List.of());
        assertThat(ServiceAccountCrediting.decide(unknown, 40_000L))
                .isEqualTo(new ServiceAccountCrediting.Decided(40_000, "FACTS_UNKNOWN_GRANT_KEPT", "careLevel"));
        assertThat(ServiceAccountCrediting.decide(null, null).fen()).isZero();
    }

    @Test
    void aMonthsFiguresAlwaysAddUpToItsBalance() {
        Random random = new Random(11);
        for (int run = 0; run < 500; run++) {
            List<ServiceAccountLedger.Entry> entries = new ArrayList<>();
            long balance = 0;
            for (int i = 0; i < 1 + random.nextInt(3); i++) {
                long fen = 1 + random.nextInt(40_000);
                entries.add(entry("CREDIT", fen));
                balance += fen;
            }
            for (int i = 0; i < random.nextInt(20); i++) {
                long fen = 1 + random.nextInt(5_000);
                if (fen <= balance) {
                    entries.add(entry("CHARGE", -fen));
                    balance -= fen;
                }
            }
            if (random.nextBoolean()) {
                entries.add(entry("EXPIRY", -balance));
            }
            var view = ServiceAccountLedger.view(YearMonth.of(2026, 7), entries, List.of());
            assertThat(view.creditedFen() - view.chargedFen() - view.recoveredFen() - view.expiredFen())
                    .isEqualTo(view.balanceFen());
            assertThat(view.balanceFen()).isNotNegative();
            if (view.closed()) {
                assertThat(view.balanceFen()).isZero();
            }
        }
    }

    private static ItemAnswer answer(boolean eligible, String supersededBy, Long fen) {
        return new ItemAnswer("COMMUNITY_SUBSIDY_1", "n", "c", eligible, supersededBy, fen, null, List.of(),
                List.of());
    }

    private static ServiceAccountLedger.Entry entry(String kind, long fen) {
        return new ServiceAccountLedger.Entry(kind, fen, null, LocalDate.of(2026, 7, 1), null, null, null);
    }
}
