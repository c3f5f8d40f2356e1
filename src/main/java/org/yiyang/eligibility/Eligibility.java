package org.yiyang.eligibility;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.yiyang.shared.Actor;

/**
 * Who is eligible for what: for facts given inline, for a registered person, and for the whole population in the
 * actor's jurisdiction. All three use the same compiled rules of the list version in force on the date.
 */
public interface Eligibility {

    /** The calculator: every item for facts given inline. Invalid facts → {@link org.yiyang.shared.InvalidInput}. */
    EligibilityAnswer evaluate(PersonFacts facts, LocalDate asOf, String language, Actor actor);

    /** Every item for a registered person in the actor's jurisdiction ({@link org.yiyang.shared.NotFound} otherwise). */
    EligibilityAnswer evaluatePerson(UUID personId, LocalDate asOf, String language, Actor actor);

    /**
     * Every item for a person in a citizen's scope today (themselves, or someone whose authority naming them is in
     * force; the scope is joined in SQL), {@link org.yiyang.shared.NotFound} for anyone else. CITIZEN role only.
     */
    EligibilityAnswer evaluateForCitizen(UUID personId, LocalDate asOf, String language, Actor actor);

    /** The people in the actor's jurisdiction for whom the item holds on the date, a page at a time. */
    EligiblePeople eligibleFor(String itemCode, LocalDate asOf, int page, int size, Actor actor);

    /** A page of the people an item selects, with the total. */
    record EligiblePeople(String item, LocalDate asOf, String listVersion, long total, int page, int size,
                          List<Person> people) {
        public EligiblePeople {
            people = List.copyOf(people);
        }
    }

    /** A person an item selects: id and name only. */
    record Person(UUID id, String name) {
        @Override
        public String toString() {
            return "Person[" + id + "]";
        }
    }
}
