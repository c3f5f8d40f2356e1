package org.yiyang.ltc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yiyang.ltc.CareForm.HOME;
import static org.yiyang.ltc.CareForm.INSTITUTION;
import static org.yiyang.ltc.CostCategory.DEVICE;
import static org.yiyang.ltc.CostCategory.LIFE_CARE;
import static org.yiyang.ltc.CostCategory.MEDICAL_CARE;
import static org.yiyang.ltc.CostCategory.MEDICAL_CONSUMABLES;
import static org.yiyang.ltc.InsuredType.EMPLOYEE;
import static org.yiyang.ltc.InsuredType.RESIDENT;
import static org.yiyang.ltc.LtcFixtures.continuing;
import static org.yiyang.ltc.LtcFixtures.month;

import java.time.YearMonth;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.yiyang.ltc.LtcFixtures.Month;

/**
 * Golden cases worked by hand from the tables of docs/specs ltc-insurance-guangzhou-2024.md (§6.2 visit minimums,
 * §7 limits, §8 ratios, §9 order of limit and ratio). The working is in the comment beside each expected value;
 * nothing here is computed by the engine under test. Amounts in fen (1 元 = 100 fen). Month 2026-01 has 31 days.
 */
class LtcSettlementGoldenUnitTests {
    static final LtcPolicy POLICY = LtcFixtures.guangzhou();
    static final LtcSettlementEngine ENGINE = new LtcSettlementEngine();

    static MonthSettlement settle(Month m) {
        return ENGINE.settle(POLICY, m.build());
    }

    static SettlementLine line(MonthSettlement s, CostCategory c) {
        return s.lines().stream().filter(l -> l.category() == c).findFirst().orElseThrow();
    }

    static long fund(Month m, CostCategory c) {
        return line(settle(m), c).fundPayFen();
    }

    @Nested
    class Level3InstitutionEmployee { // 120 元/天 eligible, of which 床位费 ≤ 35 元; 75% (第十四条(一), 第十七条)
        @Test
        void underTheDailyLimit() {
            var s = settle(month(EMPLOYEE, 3, INSTITUTION).days(30, 10_000));
            // 30 days × 100 元 = 3,000 元 eligible (under 120 元/day) × 75% = 2,250 元
            assertThat(line(s, LIFE_CARE).eligibleCostFen()).isEqualTo(300_000);
            assertThat(line(s, LIFE_CARE).fundPayFen()).isEqualTo(225_000);
            assertThat(line(s, LIFE_CARE).dailyLimitFen()).isEqualTo(12_000);
            assertThat(line(s, LIFE_CARE).ratioBp()).isEqualTo(7_500);
            // own share: 3,000 − 2,250 = 750 元
            assertThat(s.selfPayFen()).isEqualTo(75_000);
            assertThat(line(s, LIFE_CARE).note()).isNull();
            assertThat(line(s, LIFE_CARE).policyId()).isEqualTo("GZ-LTC-2024-1");
        }

        @Test
        void atTheDailyLimit() {
            // 30 × 120 元 = 3,600 元 × 75% = 2,700 元
            assertThat(fund(month(EMPLOYEE, 3, INSTITUTION).days(30, 12_000), LIFE_CARE)).isEqualTo(270_000);
        }

        @Test
        void overTheDailyLimit() {
            var s = settle(month(EMPLOYEE, 3, INSTITUTION).days(30, 15_000));
            // each day min(150, 120) = 120 元; 30 × 120 = 3,600 元 × 75% = 2,700 元
            assertThat(line(s, LIFE_CARE).eligibleCostFen()).isEqualTo(360_000);
            assertThat(line(s, LIFE_CARE).fundPayFen()).isEqualTo(270_000);
            // limit for the month shown as 120 元 × 30 days = 3,600 元
            assertThat(line(s, LIFE_CARE).limitFen()).isEqualTo(360_000);
            // own share: 30 × 150 = 4,500 − 2,700 = 1,800 元
            assertThat(s.selfPayFen()).isEqualTo(180_000);
            assertThat(line(s, LIFE_CARE).note().code()).isEqualTo("DAILY_LIMIT");
        }

        @Test
        void appliesTheDailyLimitDayByDayNotToTheMonthsTotal() {
            // min(150,120) + min(50,120) + min(120,120) = 120 + 50 + 120 = 290 元 × 75% = 217.50 元
            // (a monthly pool of 3 × 120 = 360 元 would have allowed all 320 元)
            assertThat(fund(month(EMPLOYEE, 3, INSTITUTION).days(15_000, 5_000, 12_000), LIFE_CARE))
                    .isEqualTo(21_750);
        }

        @Test
        void countsAtMost35YuanOfTheBedFeeTowardTheDay() {
            var s = settle(month(EMPLOYEE, 3, INSTITUTION).daysWithBed(31, 5_000, 5_000));
            // per day: 50 元 care + min(50, 35) = 35 元 bed = 85 元 (under 120); 31 × 85 = 2,635 元 × 75% = 1,976.25 元
            assertThat(line(s, LIFE_CARE).costFen()).isEqualTo(310_000); // 31 × (50 + 50) = 3,100 元
            assertThat(line(s, LIFE_CARE).eligibleCostFen()).isEqualTo(263_500);
            assertThat(line(s, LIFE_CARE).fundPayFen()).isEqualTo(197_625);
            assertThat(line(s, LIFE_CARE).note().code()).isEqualTo("BED_FEE_SUB_LIMIT");
            // own share: 3,100 − 1,976.25 = 1,123.75 元
            assertThat(s.selfPayFen()).isEqualTo(112_375);
        }

        @Test
        void appliesTheDailyLimitAfterTheBedFeeSubLimit() {
            // per day: 90 + min(50, 35) = 125 → min(125, 120) = 120 元; 31 × 120 = 3,720 元 × 75% = 2,790 元
            assertThat(fund(month(EMPLOYEE, 3, INSTITUTION).daysWithBed(31, 9_000, 5_000), LIFE_CARE))
                    .isEqualTo(279_000);
        }

        @Test
        void roundsHalfUpToTheFen() {
            // 1 day × 0.02 元 × 75% = 0.015 元 = 1.5 fen → HALF_UP → 2 fen
            assertThat(fund(month(EMPLOYEE, 3, INSTITUTION).days(2), LIFE_CARE)).isEqualTo(2);
        }
    }

    @Nested
    class Level3InstitutionResident { // 60 元/天, no bed-fee sub-limit written; 70%
        @Test
        void underTheDailyLimit() {
            // 30 × 50 元 = 1,500 元 × 70% = 1,050 元
            assertThat(fund(month(RESIDENT, 3, INSTITUTION).days(30, 5_000), LIFE_CARE)).isEqualTo(105_000);
        }

        @Test
        void overTheDailyLimit() {
            var s = settle(month(RESIDENT, 3, INSTITUTION).days(30, 8_000));
            // 30 × min(80, 60) = 1,800 元 × 70% = 1,260 元; own share 2,400 − 1,260 = 1,140 元
            assertThat(line(s, LIFE_CARE).fundPayFen()).isEqualTo(126_000);
            assertThat(s.selfPayFen()).isEqualTo(114_000);
        }

        @Test
        void countsTheWholeBedFeeWithinTheDailyLimit() {
            // 40 + 30 = 70 → min(70, 60) = 60 元/day; 30 × 60 = 1,800 元 × 70% = 1,260 元
            assertThat(fund(month(RESIDENT, 3, INSTITUTION).daysWithBed(30, 4_000, 3_000), LIFE_CARE))
                    .isEqualTo(126_000);
        }

        @Test
        void medicalNursingClipsConsumablesAndTheMaximum() {
            var s = settle(month(RESIDENT, 3, INSTITUTION).medical(80_000, 30_000));
            // consumables 300 元 × 70% = 210 → clipped to 200 元 (resident level 3 sub-maximum)
            assertThat(line(s, MEDICAL_CONSUMABLES).fundPayFen()).isEqualTo(20_000);
            assertThat(line(s, MEDICAL_CONSUMABLES).note().code()).isEqualTo("CONSUMABLES_SUB_MAXIMUM");
            // other nursing 800 − 300 = 500 元 × 70% = 350 → only 500 − 200 = 300 元 of the maximum left
            assertThat(line(s, MEDICAL_CARE).fundPayFen()).isEqualTo(30_000);
            assertThat(line(s, MEDICAL_CARE).note().code()).isEqualTo("FUND_MAXIMUM");
            // fund 500 元 = the resident level-3 maximum; own share 800 − 500 = 300 元
            assertThat(s.fundPayFen()).isEqualTo(50_000);
            assertThat(s.selfPayFen()).isEqualTo(30_000);
        }
    }

    @Nested
    class Level3HomeEmployee { // A类: 105 元/天, 90%; medical max 1,000 元 of which consumables 300 元; device 300 元, 90%
        @Test
        void atTheDailyLimit() {
            // 31 × 105 元 = 3,255 元 × 90% = 2,929.50 元
            assertThat(fund(month(EMPLOYEE, 3, HOME).days(31, 10_500), LIFE_CARE)).isEqualTo(292_950);
        }

        @Test
        void overTheDailyLimit() {
            var s = settle(month(EMPLOYEE, 3, HOME).days(31, 12_000));
            // 31 × min(120, 105) = 3,255 元 × 90% = 2,929.50 元; own share 3,720 − 2,929.50 = 790.50 元
            assertThat(line(s, LIFE_CARE).fundPayFen()).isEqualTo(292_950);
            assertThat(s.selfPayFen()).isEqualTo(79_050);
        }

        @Test
        void classANeedsNoMonthlyVisitCount() {
            // A类 visits daily: each day given is a day with a visit (local default DAYS_WITH_VISIT)
            // 10 × 100 元 = 1,000 元 × 90% = 900 元, with visits = 0
            var s = settle(month(EMPLOYEE, 3, HOME).days(10, 10_000).visits(0, 0));
            assertThat(line(s, LIFE_CARE).fundPayFen()).isEqualTo(90_000);
            assertThat(s.warnings()).extracting(Finding::code).contains("CLASS_A_DAYS_WITH_VISIT");
        }

        @Test
        void medicalNursingUnderTheMaximum() {
            var s = settle(month(EMPLOYEE, 3, HOME).medical(50_000, 10_000));
            // consumables 100 元 × 90% = 90 元; other 400 元 × 90% = 360 元; total 450 元
            assertThat(line(s, MEDICAL_CONSUMABLES).fundPayFen()).isEqualTo(9_000);
            assertThat(line(s, MEDICAL_CARE).fundPayFen()).isEqualTo(36_000);
            assertThat(s.fundPayFen()).isEqualTo(45_000);
        }

        @Test
        void medicalNursingAtTheMaximumAfterRounding() {
            // 1,111.11 元 × 90% = 999.999 元 → HALF_UP 1,000.00 元 = exactly the maximum, not above it
            var s = settle(month(EMPLOYEE, 3, HOME).medical(111_111, 0));
            assertThat(line(s, MEDICAL_CARE).fundPayFen()).isEqualTo(100_000);
            assertThat(line(s, MEDICAL_CARE).note()).isNull();
        }

        @Test
        void consumablesSubMaximum() {
            var s = settle(month(EMPLOYEE, 3, HOME).medical(100_000, 40_000));
            // consumables 400 × 90% = 360 → clipped to 300 元; other 600 × 90% = 540 元 (≤ 1,000 − 300 = 700 left)
            assertThat(line(s, MEDICAL_CONSUMABLES).fundPayFen()).isEqualTo(30_000);
            assertThat(line(s, MEDICAL_CARE).fundPayFen()).isEqualTo(54_000);
            // fund 840 元; own share 1,000 − 840 = 160 元
            assertThat(s.fundPayFen()).isEqualTo(84_000);
            assertThat(s.selfPayFen()).isEqualTo(16_000);
        }

        @Test
        void medicalFundMaximum() {
            var s = settle(month(EMPLOYEE, 3, HOME).medical(150_000, 20_000));
            // consumables 200 × 90% = 180 元; other 1,300 × 90% = 1,170 → clipped to 1,000 − 180 = 820 元
            assertThat(line(s, MEDICAL_CONSUMABLES).fundPayFen()).isEqualTo(18_000);
            assertThat(line(s, MEDICAL_CARE).fundPayFen()).isEqualTo(82_000);
            assertThat(line(s, MEDICAL_CARE).limitKind()).isEqualTo(LimitKind.FUND_MAX);
            // 180 + 820 = 1,000 元, the employee level-3 maximum
            assertThat(s.fundPayFen()).isEqualTo(100_000);
        }

        @Test
        void deviceUnderAndOverItsLimit() {
            // under: 200 元 × 90% = 180 元
            assertThat(fund(month(EMPLOYEE, 3, HOME).device(20_000), DEVICE)).isEqualTo(18_000);
            // over: min(400, 300) = 300 元 × 90% = 270 元
            assertThat(fund(month(EMPLOYEE, 3, HOME).device(40_000), DEVICE)).isEqualTo(27_000);
        }

        @Test
        void aFullMonthOfAllCategories() {
            var s = settle(month(EMPLOYEE, 3, HOME).days(31, 11_000).medical(150_000, 20_000).device(40_000));
            // life care 31 × min(110, 105) = 3,255 × 90% = 2,929.50; medical 1,000 (as above); device 270
            // fund 2,929.50 + 1,000 + 270 = 4,199.50 元
            assertThat(s.fundPayFen()).isEqualTo(419_950);
            // cost 31 × 110 = 3,410 + 1,500 + 400 = 5,310 元; own share 5,310 − 4,199.50 = 1,110.50 元
            assertThat(s.totalCostFen()).isEqualTo(531_000);
            assertThat(s.selfPayFen()).isEqualTo(111_050);
            assertThat(s.lines()).allSatisfy(l -> assertThat(l.policyId()).isEqualTo("GZ-LTC-2024-1"));
        }
    }

    @Nested
    class Level3HomeResident { // A类: 50 元/天, 85%; device 200 元, 90%
        @Test
        void underAndOverTheDailyLimit() {
            // 20 × 40 元 = 800 元 × 85% = 680 元
            assertThat(fund(month(RESIDENT, 3, HOME).days(20, 4_000), LIFE_CARE)).isEqualTo(68_000);
            // 20 × min(60, 50) = 1,000 元 × 85% = 850 元
            assertThat(fund(month(RESIDENT, 3, HOME).days(20, 6_000), LIFE_CARE)).isEqualTo(85_000);
        }

        @Test
        void roundsEachLine() {
            // 3.33 元 × 85% = 2.8305 元 → 283 fen
            assertThat(fund(month(RESIDENT, 3, HOME).days(333), LIFE_CARE)).isEqualTo(283);
        }

        @Test
        void deviceAtItsLimitUsesTheLevel3DeviceRatio() {
            // 200 元 (= limit) × 90% (device ratio for level 3, same for residents) = 180 元
            var s = settle(month(RESIDENT, 3, HOME).device(20_000));
            assertThat(line(s, DEVICE).fundPayFen()).isEqualTo(18_000);
            assertThat(line(s, DEVICE).ratioBp()).isEqualTo(9_000);
        }
    }

    @Nested
    class Level2Institution { // employee 30 元/天, 75%; resident 15 元/天, 70%
        @Test
        void employeeUnderAndOver() {
            // February 2026: 28 days. 28 × 25 元 = 700 元 × 75% = 525 元
            assertThat(fund(month(EMPLOYEE, 2, INSTITUTION).in(YearMonth.of(2026, 2)).days(28, 2_500), LIFE_CARE))
                    .isEqualTo(52_500);
            var s = settle(month(EMPLOYEE, 2, INSTITUTION).in(YearMonth.of(2026, 2)).days(28, 4_000));
            // 28 × min(40, 30) = 840 元 × 75% = 630 元; own share 1,120 − 630 = 490 元
            assertThat(line(s, LIFE_CARE).fundPayFen()).isEqualTo(63_000);
            assertThat(s.selfPayFen()).isEqualTo(49_000);
        }

        @Test
        void residentOverTheDailyLimit() {
            // 31 × min(20, 15) = 465 元 × 70% = 325.50 元
            assertThat(fund(month(RESIDENT, 2, INSTITUTION).days(31, 2_000), LIFE_CARE)).isEqualTo(32_550);
        }

        @Test
        void employeeMedicalNursingMaximumAndConsumables() {
            var s = settle(month(EMPLOYEE, 2, INSTITUTION).medical(90_000, 30_000));
            // consumables 300 × 75% = 225 → clipped to 200 元; other 600 × 75% = 450 → clipped to 500 − 200 = 300 元
            assertThat(line(s, MEDICAL_CONSUMABLES).fundPayFen()).isEqualTo(20_000);
            assertThat(line(s, MEDICAL_CARE).fundPayFen()).isEqualTo(30_000);
            assertThat(s.fundPayFen()).isEqualTo(50_000);
        }

        @Test
        void noDeviceUseInInstitutionCare() {
            var s = settle(month(EMPLOYEE, 2, INSTITUTION).device(10_000));
            // 第十条: device users do not live in a 定点护理机构 → fund 0, own share 100 元
            assertThat(line(s, DEVICE).fundPayFen()).isZero();
            assertThat(line(s, DEVICE).note().code()).isEqualTo("DEVICE_NOT_IN_INSTITUTION");
            assertThat(s.selfPayFen()).isEqualTo(10_000);
        }
    }

    @Nested
    class Level2HomeEmployee { // B类: 900 元/月, 90%; ≥ 12 visits and 28 h = 1,680 min; at most 24 months
        Month b() {
            return month(EMPLOYEE, 2, HOME).visits(12, 1_680).used(0);
        }

        @Test
        void underAtAndOverTheMonthlyLimit() {
            // 12 × 50 元 = 600 元 × 90% = 540 元
            assertThat(fund(b().days(12, 5_000), LIFE_CARE)).isEqualTo(54_000);
            // 12 × 75 元 = 900 元 (= limit) × 90% = 810 元
            assertThat(fund(b().days(12, 7_500), LIFE_CARE)).isEqualTo(81_000);
            var s = settle(b().days(15, 8_000));
            // min(15 × 80 = 1,200, 900) = 900 元 × 90% = 810 元; own share 1,200 − 810 = 390 元
            assertThat(line(s, LIFE_CARE).fundPayFen()).isEqualTo(81_000);
            assertThat(line(s, LIFE_CARE).limitFen()).isEqualTo(90_000);
            assertThat(line(s, LIFE_CARE).dailyLimitFen()).isNull();
            assertThat(s.selfPayFen()).isEqualTo(39_000);
        }

        @Test
        void oneVisitShortPaysNothingForLifeCare() {
            var s = settle(b().days(12, 5_000).visits(11, 1_680));
            // 11 < 12 visits: 第十三条 — the fund pays nothing; own share the whole 600 元
            assertThat(line(s, LIFE_CARE).fundPayFen()).isZero();
            assertThat(line(s, LIFE_CARE).eligibleCostFen()).isZero();
            assertThat(line(s, LIFE_CARE).note().code()).isEqualTo("VISIT_MINIMUM_NOT_MET");
            assertThat(s.selfPayFen()).isEqualTo(60_000);
        }

        @Test
        void oneMinuteShortOfTheHoursPaysNothingForLifeCare() {
            // 1,679 < 28 h × 60 = 1,680 minutes (hours read as a minimum, local default)
            assertThat(fund(b().days(12, 5_000).visits(12, 1_679), LIFE_CARE)).isZero();
        }

        @Test
        void aMissedMinimumLeavesMedicalNursingAndDevicesPayable() {
            var s = settle(b().days(12, 5_000).visits(3, 100).medical(10_000, 0).device(10_000));
            // life care 0; medical 100 元 × 90% = 90 元; device 100 元 × 85% (level 2) = 85 元
            assertThat(line(s, LIFE_CARE).fundPayFen()).isZero();
            assertThat(line(s, MEDICAL_CARE).fundPayFen()).isEqualTo(9_000);
            assertThat(line(s, DEVICE).fundPayFen()).isEqualTo(8_500);
        }

        @Test
        void durationLimitOf24Months() {
            // 23 months used: the 24th is still paid — 600 × 90% = 540 元
            assertThat(fund(b().days(12, 5_000).used(23), LIFE_CARE)).isEqualTo(54_000);
            var s = settle(b().days(12, 5_000).used(24));
            // 24 used: limit reached, nothing paid
            assertThat(line(s, LIFE_CARE).fundPayFen()).isZero();
            assertThat(line(s, LIFE_CARE).note().code()).isEqualTo("DURATION_LIMIT_REACHED");
        }

        @Test
        void deviceOverItsLimit() {
            // min(250, 200) = 200 元 × 85% = 170 元
            assertThat(fund(b().device(25_000), DEVICE)).isEqualTo(17_000);
        }
    }

    @Nested
    class Level2HomeResident { // B类: 450 元/月, 85%; ≥ 6 visits and 14 h = 840 min; medical 250 of which 100
        Month b() {
            return month(RESIDENT, 2, HOME).visits(6, 840);
        }

        @Test
        void overTheMonthlyLimit() {
            // min(6 × 100 = 600, 450) = 450 元 × 85% = 382.50 元
            assertThat(fund(b().days(6, 10_000), LIFE_CARE)).isEqualTo(38_250);
        }

        @Test
        void visitsMissed() {
            // 5 < 6 visits → 0
            assertThat(fund(b().days(6, 10_000).visits(5, 840), LIFE_CARE)).isZero();
        }

        @Test
        void medicalNursingUnderAndConsumablesOver() {
            var under = settle(b().medical(20_000, 10_000));
            // consumables 100 × 85% = 85 元; other 100 × 85% = 85 元; 170 元 (max 250)
            assertThat(under.fundPayFen()).isEqualTo(17_000);
            var over = settle(b().medical(20_000, 15_000));
            // consumables 150 × 85% = 127.50 → 100 元; other 50 × 85% = 42.50 元; 142.50 元
            assertThat(line(over, MEDICAL_CONSUMABLES).fundPayFen()).isEqualTo(10_000);
            assertThat(line(over, MEDICAL_CARE).fundPayFen()).isEqualTo(4_250);
            assertThat(over.fundPayFen()).isEqualTo(14_250);
        }

        @Test
        void deviceUnderItsLimit() {
            // 100 元 × 85% = 85 元 (limit 150 元)
            assertThat(fund(b().device(10_000), DEVICE)).isEqualTo(8_500);
        }
    }

    @Nested
    class Level1Institution { // monthly: employee 300 元, resident 200 元; 75% / 70%
        @Test
        void employeeOverTheMonthlyLimit() {
            var s = settle(month(EMPLOYEE, 1, INSTITUTION).days(31, 1_000));
            // min(31 × 10 = 310, 300) = 300 元 × 75% = 225 元; own share 310 − 225 = 85 元
            assertThat(line(s, LIFE_CARE).fundPayFen()).isEqualTo(22_500);
            assertThat(line(s, LIFE_CARE).note().code()).isEqualTo("MONTHLY_LIMIT");
            assertThat(s.selfPayFen()).isEqualTo(8_500);
        }

        @Test
        void employeeBedFeeWithinTheMonthlyLimit() {
            // 10 × (10 + 15) = 250 元 (under 300) × 75% = 187.50 元
            assertThat(fund(month(EMPLOYEE, 1, INSTITUTION).daysWithBed(10, 1_000, 1_500), LIFE_CARE))
                    .isEqualTo(18_750);
        }

        @Test
        void residentOverTheMonthlyLimit() {
            // min(310, 200) = 200 元 × 70% = 140 元
            assertThat(fund(month(RESIDENT, 1, INSTITUTION).days(31, 1_000), LIFE_CARE)).isEqualTo(14_000);
        }

        @Test
        void noMedicalNursingAtLevel1() {
            var s = settle(month(EMPLOYEE, 1, INSTITUTION).medical(10_000, 2_000));
            // 第十二条: levels 2–3 only → zero lines with a note, the 100 元 is the insured person's
            assertThat(line(s, MEDICAL_CARE).fundPayFen()).isZero();
            assertThat(line(s, MEDICAL_CONSUMABLES).fundPayFen()).isZero();
            assertThat(line(s, MEDICAL_CARE).note().code()).isEqualTo("MEDICAL_CARE_NOT_AT_LEVEL");
            assertThat(s.selfPayFen()).isEqualTo(10_000);
        }
    }

    @Nested
    class Level1Home { // C类: employee 300 元/月, ≥ 4 visits, 8 h; resident 200 元/月, ≥ 2 visits, 5 h; 12 months
        @Test
        void employeeUnderTheLimitWithTheMinimum() {
            // 4 × 50 元 = 200 元 × 90% = 180 元; 4 visits, 480 min = 8 h
            assertThat(fund(month(EMPLOYEE, 1, HOME).days(4, 5_000).visits(4, 480), LIFE_CARE)).isEqualTo(18_000);
        }

        @Test
        void employeeVisitsMissed() {
            // 3 < 4 visits → 0
            assertThat(fund(month(EMPLOYEE, 1, HOME).days(4, 5_000).visits(3, 480), LIFE_CARE)).isZero();
        }

        @Test
        void durationLimitOf12Months() {
            // 11 used → paid 180 元; 12 used → 0
            assertThat(fund(month(EMPLOYEE, 1, HOME).days(4, 5_000).visits(4, 480).used(11), LIFE_CARE))
                    .isEqualTo(18_000);
            assertThat(fund(month(EMPLOYEE, 1, HOME).days(4, 5_000).visits(4, 480).used(12), LIFE_CARE)).isZero();
        }

        @Test
        void residentOverTheLimitAndHoursShort() {
            // min(2 × 150 = 300, 200) = 200 元 × 85% = 170 元; 2 visits, 300 min = 5 h
            assertThat(fund(month(RESIDENT, 1, HOME).days(2, 15_000).visits(2, 300), LIFE_CARE)).isEqualTo(17_000);
            // 299 min < 5 h → 0
            assertThat(fund(month(RESIDENT, 1, HOME).days(2, 15_000).visits(2, 299), LIFE_CARE)).isZero();
        }

        @Test
        void deviceAtLevel1() {
            // employee: min(120, 100) = 100 元 × 80% = 80 元; resident: 50 元 × 80% = 40 元
            assertThat(fund(month(EMPLOYEE, 1, HOME).device(12_000), DEVICE)).isEqualTo(8_000);
            assertThat(fund(month(RESIDENT, 1, HOME).device(5_000), DEVICE)).isEqualTo(4_000);
        }

        @Test
        void noMedicalNursingAtLevel1AtHomeEither() {
            assertThat(fund(month(RESIDENT, 1, HOME).medical(5_000, 0), MEDICAL_CARE)).isZero();
        }
    }

    @Nested
    class ContinuingCare { // 延续失能人员: level-3 limits, A类 at home
        @Test
        void homeCareAtTheLevel3ResidentLimit() {
            var s = settle(continuing(RESIDENT, HOME).days(10, 6_000));
            // 10 × min(60, 50) = 500 元 × 85% = 425 元
            assertThat(line(s, LIFE_CARE).fundPayFen()).isEqualTo(42_500);
            assertThat(s.warnings()).extracting(Finding::code).contains("CONTINUING_CARE_AT_LEVEL");
        }

        @Test
        void medicalNursingAtTheLevel3EmployeeMaximum() {
            // institution: 1,500 元 × 75% = 1,125 → clipped to 1,000 元
            assertThat(settle(continuing(EMPLOYEE, INSTITUTION).medical(150_000, 0)).fundPayFen())
                    .isEqualTo(100_000);
        }
    }

    @Test
    void reportsTheLocalDefaultRounding() {
        assertThat(settle(month(EMPLOYEE, 2, INSTITUTION)).warnings()).extracting(Finding::code)
                .contains("ROUNDING_LOCAL_DEFAULT");
    }
}
