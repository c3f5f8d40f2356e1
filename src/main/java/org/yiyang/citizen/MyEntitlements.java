package org.yiyang.citizen;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.application.CitizenApplications;
import org.yiyang.application.CitizenApplications.CitizenApplication;
import org.yiyang.assessment.CareNeeds;
import org.yiyang.eligibility.Eligibility;
import org.yiyang.eligibility.EligibilityAnswer;
import org.yiyang.person.CitizenScope;
import org.yiyang.person.CitizenScope.ScopedPerson;
import org.yiyang.person.Consents;
import org.yiyang.shared.Actor;
import org.yiyang.shared.BusinessZone;
import org.yiyang.shared.Role;

/**
 * The elder's own page (issue #5): for the citizen and each person they act for today, the entitlements from the
 * eligibility rules, the applications with their status, due dates and notices, and the current care-needs level.
 * Every read goes through a citizen-aware entry point that joins {@code citizen_scope} in SQL; a person outside the
 * scope is 404.
 */
@Service
public class MyEntitlements {
    private final CitizenScope scope;
    private final Consents consents;
    private final Eligibility eligibility;
    private final CitizenApplications applications;
    private final CareNeeds careNeeds;
    private final Clock clock;

    MyEntitlements(CitizenScope scope, Consents consents, Eligibility eligibility, CitizenApplications applications,
                   CareNeeds careNeeds, Clock clock) {
        this.scope = scope;
        this.consents = consents;
        this.eligibility = eligibility;
        this.applications = applications;
        this.careNeeds = careNeeds;
        this.clock = clock;
    }

    /** The care-needs level in force today, with the message key of its name and its last valid day. */
    public record CareLevelView(int level, String nameKey, LocalDate validTo) {
    }

    /** Everything the page shows about one person in scope. */
    public record PersonEntitlements(ScopedPerson person, @Nullable CareLevelView careLevel,
                                     EligibilityAnswer eligibility, List<CitizenApplication> applications) {
        public PersonEntitlements {
            applications = List.copyOf(applications);
        }
    }

    /** An authority the citizen holds, as they see it: whom it is for is shown only while it is in force. */
    public record MyAuthority(UUID id, Consents.@Nullable Relation relation, String proofType, LocalDate validFrom,
                              @Nullable LocalDate validTo, boolean inForce, boolean withdrawn) {
    }

    /** The page: the account's own person (if linked) first, then each person whose authority is in force. */
    public record Overview(List<PersonEntitlements> persons, List<MyAuthority> authorities) {
        public Overview {
            persons = List.copyOf(persons);
            authorities = List.copyOf(authorities);
        }
    }

    /** The citizen's overview today, in the language (zh-CN or en). */
    @Transactional
    public Overview overview(String language, Actor actor) {
        actor.require(Role.CITIZEN);
        List<PersonEntitlements> persons = scope.persons(actor).stream()
                .map(p -> entitlements(p, language, actor)).toList();
        List<MyAuthority> authorities = consents.authoritiesOf(actor.userId(), actor).stream()
                .map(c -> new MyAuthority(c.id(), c.relation(), c.proofType(), c.validFrom(), c.validTo(), c.inForce(),
                        c.withdrawnAt() != null))
                .toList();
        return new Overview(persons, authorities);
    }

    /** The persons in the citizen's scope today (masked), the account's own first. */
    @Transactional
    public List<ScopedPerson> persons(Actor actor) {
        actor.require(Role.CITIZEN);
        return scope.persons(actor);
    }

    /** One person in the citizen's scope today; {@link org.yiyang.shared.NotFound} for anyone else. */
    @Transactional
    public PersonEntitlements person(UUID personId, String language, Actor actor) {
        actor.require(Role.CITIZEN);
        return entitlements(scope.find(personId, actor), language, actor);
    }

    private PersonEntitlements entitlements(ScopedPerson person, String language, Actor actor) {
        LocalDate today = BusinessZone.today(clock);
        UUID id = person.person().id();
        // the scope is checked again in SQL by each citizen-aware entry point, not trusted from the list above
        EligibilityAnswer answer = eligibility.evaluateForCitizen(id, today, language, actor);
        List<CitizenApplication> apps = applications.ofPerson(id, actor);
        CareLevelView level = careNeeds.current(id, today)
                .map(c -> new CareLevelView(c.level().number(), c.levelNameKey(), c.validTo())).orElse(null);
        return new PersonEntitlements(person, level, answer, apps);
    }
}
