package org.yiyang.person;

import java.time.LocalDate;
import java.util.UUID;

/** A death was recorded in the registry (a deaths roster). Ids and the date only. */
public record PersonDied(UUID personId, LocalDate deathDate) {
}
