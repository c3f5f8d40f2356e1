package org.yiyang.ltc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties that hold for every month, checked on random months from a fixed seed (reproducible): the fund never
 * pays above a limit or above the cost, fund + own share = total cost, and raising a cost never lowers the fund share.
 */
class LtcSettlementPropertyUnitTests {
    static final LtcPolicy POLICY = LtcFixtures.guangzhou();
    static final LtcSettlementEngine ENGINE = new LtcSettlementEngine();
    static final int CASES = 5_000;

    @Test
    void theFundNeverPaysAboveALimitOrTheCost() {
        var random = new Random(20260601L);
        for (int i = 0; i < CASES; i++) {
            MonthCase c = randomCase(random);
            MonthSettlement s = ENGINE.settle(POLICY, c);
            int level = c.effectiveLevel(POLICY);
            for (SettlementLine l : s.lines()) {
                assertThat(l.fundPayFen()).as("%s %s", c, l).isBetween(0L, l.costFen());
                assertThat(l.eligibleCostFen()).as("%s %s", c, l).isBetween(0L, l.costFen());
                if (l.limitKind() == LimitKind.ELIGIBLE_COST) {
                    assertThat(l.eligibleCostFen()).as("%s %s", c, l).isLessThanOrEqualTo(l.limitFen());
                }
                if (l.dailyLimitFen() != null) {
                    assertThat(l.eligibleCostFen()).isLessThanOrEqualTo(l.dailyLimitFen() * c.daysOfService());
                }
                // fund ≤ eligible × ratio, rounded half-up: at most half a fen above the exact share
                assertThat(l.fundPayFen() * 10_000).isLessThanOrEqualTo(l.eligibleCostFen() * l.ratioBp() + 5_000);
            }
            long medical = line(s, CostCategory.MEDICAL_CARE).fundPayFen()
                    + line(s, CostCategory.MEDICAL_CONSUMABLES).fundPayFen();
            var max = POLICY.medicalFundMaximum(level, c.insuredType());
            if (max.isPresent()) {
                assertThat(medical).as("%s", c).isLessThanOrEqualTo(max.get().amountFen());
                assertThat(line(s, CostCategory.MEDICAL_CONSUMABLES).fundPayFen())
                        .isLessThanOrEqualTo(max.get().subLimit().amountFen());
            } else {
                assertThat(medical).isZero();
            }
            if (c.careForm() == CareForm.INSTITUTION) {
                assertThat(line(s, CostCategory.DEVICE).fundPayFen()).isZero();
            }
        }
    }

    @Test
    void fundAndOwnShareAddUpToTheTotalCost() {
        var random = new Random(7L);
        for (int i = 0; i < CASES; i++) {
            MonthCase c = randomCase(random);
            MonthSettlement s = ENGINE.settle(POLICY, c);
            long lineCosts = s.lines().stream().mapToLong(SettlementLine::costFen).sum();
            long lineFunds = s.lines().stream().mapToLong(SettlementLine::fundPayFen).sum();
            assertThat(lineCosts).isEqualTo(c.totalCostFen()).isEqualTo(s.totalCostFen());
            assertThat(lineFunds).isEqualTo(s.fundPayFen());
            assertThat(s.fundPayFen() + s.selfPayFen()).isEqualTo(s.totalCostFen());
            assertThat(s.selfPayFen()).isNotNegative();
        }
    }

    @Test
    void raisingACostNeverLowersTheFundShare() {
        var random = new Random(42L);
        for (int i = 0; i < CASES; i++) {
            MonthCase c = randomCase(random);
            MonthCase raised = raiseOneCost(c, random);
            long before = ENGINE.settle(POLICY, c).fundPayFen();
            long after = ENGINE.settle(POLICY, raised).fundPayFen();
            assertThat(after).as("%s → %s", c, raised).isGreaterThanOrEqualTo(before);
        }
    }

    @Test
    void theSameMonthSettlesTheSameWay() {
        var random = new Random(99L);
        for (int i = 0; i < 200; i++) {
            MonthCase c = randomCase(random);
            assertThat(ENGINE.settle(POLICY, c)).isEqualTo(ENGINE.settle(POLICY, c));
        }
    }

    static SettlementLine line(MonthSettlement s, CostCategory c) {
        return s.lines().stream().filter(l -> l.category() == c).findFirst().orElseThrow();
    }

    static MonthCase randomCase(Random r) {
        InsuredType type = InsuredType.values()[r.nextInt(2)];
        BenefitGroup group = r.nextInt(5) == 0 ? BenefitGroup.CONTINUING : BenefitGroup.LONG_TERM;
        int level = 1 + r.nextInt(3);
        CareForm form = CareForm.values()[r.nextInt(2)];
        YearMonth month = YearMonth.of(2024 + r.nextInt(3), 1 + r.nextInt(12));
        int days = r.nextInt(month.lengthOfMonth() + 1);
        List<Long> life = new ArrayList<>();
        List<Long> bed = new ArrayList<>();
        boolean withBed = form == CareForm.INSTITUTION && r.nextBoolean();
        for (int d = 0; d < days; d++) {
            life.add(amount(r, 20_000));
            if (withBed) {
                bed.add(amount(r, 8_000));
            }
        }
        long medical = amount(r, 200_000);
        long consumables = medical == 0 ? 0 : (long) (r.nextInt(101)) * medical / 100;
        return new MonthCase(type, group, level, form, month, life, bed, medical, consumables, amount(r, 60_000),
                r.nextInt(40), r.nextInt(3_000), r.nextInt(30));
    }

    /** Mostly ordinary amounts, sometimes 0 or exactly a round figure near a limit. */
    static long amount(Random r, int bound) {
        int pick = r.nextInt(10);
        if (pick == 0) {
            return 0;
        }
        if (pick == 1) {
            return (long) r.nextInt(bound / 500 + 1) * 500;
        }
        return r.nextInt(bound + 1);
    }

    static MonthCase raiseOneCost(MonthCase c, Random r) {
        List<Long> life = new ArrayList<>(c.dailyLifeCareFen());
        List<Long> bed = new ArrayList<>(c.dailyBedFeeFen());
        long medical = c.medicalCareFen();
        long consumables = c.medicalConsumablesFen();
        long device = c.deviceFen();
        long by = 1 + r.nextInt(20_000);
        switch (r.nextInt(5)) {
            case 0 -> {
                if (!life.isEmpty()) {
                    int d = r.nextInt(life.size());
                    life.set(d, life.get(d) + by);
                }
            }
            case 1 -> {
                if (!bed.isEmpty()) {
                    int d = r.nextInt(bed.size());
                    bed.set(d, bed.get(d) + by);
                }
            }
            case 2 -> medical += by;
            case 3 -> {
                medical += by; // more consumables raise the medical-nursing cost by as much
                consumables += by;
            }
            default -> device += by;
        }
        return new MonthCase(c.insuredType(), c.group(), c.level(), c.careForm(), c.month(), life, bed, medical,
                consumables, device, c.visits(), c.visitMinutes(), c.monthsUsedInValidity());
    }
}
