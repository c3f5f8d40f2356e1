package org.yiyang.account.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yiyang.assessment.AssessmentCompleted;
import org.yiyang.person.PersonDied;
import org.yiyang.person.ResidentFactsChanged;
import org.yiyang.shared.BusinessZone;

/**
 * Events that change an account: a completed assessment (the care level may change) is noted for the person's page
 * with the month from which it counts — the month after (第二十八条), when the rules are re-evaluated before crediting
 * —; a recorded death computes the overpayment to recover at once.
 */
@Component
class ServiceAccountEvents {
    private final JdbcClient jdbc;
    private final ServiceAccountRecoveries recoveries;
    private final ServiceAccountRules rules;
    private final Clock clock;

    ServiceAccountEvents(JdbcClient jdbc, ServiceAccountRecoveries recoveries, ServiceAccountRules rules,
                         Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.recoveries = recoveries;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(AssessmentCompleted event) {
        LocalDate today = BusinessZone.today(clock);
        noticed(event.personId(), "ASSESSMENT_COMPLETED", today, event.assessmentId());
    }

    /**
     * A roster changed tags or hukou: noted on the day the registry learned it, with the next month, from which the
     * rules apply again (months already credited are not credited again, even for a change dated earlier).
     */
    @ApplicationModuleListener
    void on(ResidentFactsChanged event) {
        String cause = event.fact().equals("TAGS") ? "TAGS_CHANGED" : "HUKOU_MOVED";
        noticed(event.personId(), cause, BusinessZone.today(clock), null);
    }

    @ApplicationModuleListener
    void on(PersonDied event) {
        recoveries.recover(event.personId(), BusinessZone.today(clock));
    }

    /** Notes a change for a person who holds (or is granted) an account; others have nothing to adjust. */
    int noticed(UUID person, String cause, LocalDate today, @Nullable UUID source) {
        return jdbc.sql("""
                insert into account_change_notice (person_id, cause, noticed_on, effective_month, source_id)
                select :p, :cause, :today, :next, :source
                where exists (select 1 from account_month where person_id = :p)
                   or exists (select 1 from application_grant_fact where person_id = :p
                              and item_code in (:items) and (valid_to is null or valid_to >= :today))
                on conflict do nothing
                """).param("p", person).param("cause", cause).param("today", today)
                .param("next", today.withDayOfMonth(1).plusMonths(1)).param("source", source)
                .param("items", rules.accountItems()).update();
    }
}
