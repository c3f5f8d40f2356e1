package org.yiyang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yiyang.shared.WorkingDayCalendar;
import tools.jackson.databind.json.JsonMapper;

/** The 2025 and 2026 schedules of working-day-calendar.md, parsed from the shipped policy pack by the loader. */
class WorkingDayCalendarUnitTests {
    static WorkingDayCalendar calendar;

    @BeforeAll
    static void loadThePolicyPack() throws Exception {
        calendar = new WorkingDayCalendar(List.of(load(2025), load(2026)));
    }

    static WorkingDayCalendar.YearSchedule load(int year) throws Exception {
        try (InputStream in = WorkingDayCalendarUnitTests.class
                .getResourceAsStream("/policy/guangzhou/calendar/" + year + ".json")) {
            return CalendarConfiguration.parse(JsonMapper.builder().build().readTree(in));
        }
    }

    @Test
    void treatsHolidaysAsDaysOffAndAdjustedWeekendsAsWorkingDays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse(); // Monday in Spring Festival
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();  // adjusted Saturday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();  // adjusted Saturday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 1))).isFalse();  // plain Sunday
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 26))).isTrue();  // adjusted Sunday
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 8))).isFalse(); // Wednesday in National Day week
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
    }

    @Test
    void countsTheHolidaysOfEachYearAsPublished() {
        assertThat(calendar.schedule(2025).orElseThrow().holidays()).hasSize(1 + 8 + 3 + 5 + 3 + 8);
        assertThat(calendar.schedule(2026).orElseThrow().holidays()).hasSize(3 + 9 + 3 + 5 + 3 + 3 + 7);
        assertThat(calendar.schedule(2026).orElseThrow().adjustedWorkingDays()).hasSize(6);
    }

    @Test
    void countsAFiveDayDeadlineAcrossTheSpringFestival() {
        // Application on Thu 2026-02-12. Working days after it: Fri 02-13 (1), Sat 02-14 adjusted (2),
        // 02-15..02-23 holiday, Tue 02-24 (3), Wed 02-25 (4), Thu 02-26 (5).
        var deadline = calendar.deadline(LocalDate.of(2026, 2, 12), 5);
        assertThat(deadline.due()).isEqualTo(LocalDate.of(2026, 2, 26));
        assertThat(deadline.isApproximate()).isFalse();
    }

    @Test
    void countsAnAdjustedSaturdayInsideADeadline() {
        // Event on Fri 2026-05-08: Sat 05-09 is an adjusted working day (1), Mon 05-11 (2), Tue 05-12 (3).
        assertThat(calendar.deadline(LocalDate.of(2026, 5, 8), 3).due()).isEqualTo(LocalDate.of(2026, 5, 12));
        // A 15-working-day review window from Thu 2025-09-25: 09-26 (1), Sun 09-28 adjusted (2), 09-29 (3),
        // 09-30 (4), 10-01..10-08 off, Thu 10-09 (5), Fri 10-10 (6), Sat 10-11 adjusted (7), 10-13..10-17 (8-12),
        // 10-20..10-22 (13-15).
        assertThat(calendar.deadline(LocalDate.of(2025, 9, 25), 15).due()).isEqualTo(LocalDate.of(2025, 10, 22));
    }

    @Test
    void saysSoWhenAYearHasNoSchedule() {
        var deadline = calendar.deadline(LocalDate.of(2026, 12, 29), 5);
        // 12-30, 12-31, then 2027 counted Monday–Friday: Fri 01-01 (3), Mon 01-04 (4), Tue 01-05 (5)
        assertThat(deadline.due()).isEqualTo(LocalDate.of(2027, 1, 5));
        assertThat(deadline.yearsWithoutSchedule()).containsExactly(2027);
    }

    @Test
    void countsWorkingDaysBetweenTwoDates() {
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 10))).isEqualTo(3); // 10-08, 10-09, adjusted 10-10
    }
}
