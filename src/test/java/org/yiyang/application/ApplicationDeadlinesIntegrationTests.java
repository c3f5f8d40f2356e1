package org.yiyang.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yiyang.application.internal.Deadlines;
import org.yiyang.testsupport.IntegrationTest;

/** The process deadlines over the shipped 2026 holiday schedule (working-day-calendar.md). */
@IntegrationTest
class ApplicationDeadlinesIntegrationTests {
    @Autowired Deadlines deadlines;

    @Test
    void theFirstCheckAcrossTheSpringFestival() {
        // Thu 2026-02-12: Fri 02-13 (1), Sat 02-14 adjusted (2), 02-15..02-23 off, 02-24 (3), 02-25 (4), 02-26 (5)
        var due = deadlines.firstCheck(LocalDate.of(2026, 2, 12));
        assertThat(due.due()).isEqualTo(LocalDate.of(2026, 2, 26));
        assertThat(due.isApproximate()).isFalse();
    }

    @Test
    void theVerificationCountsTheAdjustedWorkingSaturday() {
        // assessment received Fri 2026-02-27: Sat 02-28 adjusted (1), 03-02 (2) … 03-05 (5); without it: 03-06
        assertThat(deadlines.verification(LocalDate.of(2026, 2, 27)).due()).isEqualTo(LocalDate.of(2026, 3, 5));
    }

    @Test
    void theReviewAcrossNationalDayAndTheAdjustedSaturday() {
        // requested Wed 2026-09-30: 10-01..10-07 off, 10-08 (1), 10-09 (2), Sat 10-10 adjusted (3), 10-12..10-16
        // (4–8), 10-19..10-23 (9–13), 10-26 (14), 10-27 (15)
        assertThat(deadlines.reviewDecision(LocalDate.of(2026, 9, 30)).due()).isEqualTo(LocalDate.of(2026, 10, 27));
    }

    @Test
    void theNoticeRightsAreCalendarPeriods() {
        LocalDate notice = LocalDate.of(2026, 3, 10);
        assertThat(deadlines.reviewWindowEnd(notice)).isEqualTo(LocalDate.of(2026, 5, 9));
        assertThat(deadlines.administrativeReviewEnd(notice)).isEqualTo(LocalDate.of(2026, 5, 9));
        assertThat(deadlines.litigationEnd(notice)).isEqualTo(LocalDate.of(2026, 9, 10));
    }

    @Test
    void saysSoWhenTheYearHasNoSchedule() {
        assertThat(deadlines.firstCheck(LocalDate.of(2026, 12, 29)).isApproximate()).isTrue();
    }
}
