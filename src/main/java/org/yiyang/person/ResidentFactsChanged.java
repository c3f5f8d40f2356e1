package org.yiyang.person;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A roster changed a fact that eligibility reads: {@code fact} is {@code TAGS} or {@code HUKOU}, {@code effectiveOn}
 * the date the change takes effect. Ids and dates only; readers ask the registry for the facts.
 */
public record ResidentFactsChanged(UUID personId, String fact, LocalDate effectiveOn) {
}
