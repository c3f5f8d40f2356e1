package org.yiyang.person;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.yiyang.shared.Actor;
import org.yiyang.shared.SystemUse;

/**
 * Finds residents for other programmes (LTC beneficiaries, insured-status imports) without handing out personal data:
 * only the id, the residence region and path (which other modules copy onto their own rows for jurisdiction) and the
 * death date. Every lookup is filtered by the actor's jurisdiction in SQL; a resident outside it is not found. The
 * calling module checks the actor's roles for its own operation.
 */
public interface ResidentLocator {

    /** The resident, if within the actor's jurisdiction. */
    Optional<LocatedResident> locate(UUID personId, Actor actor);

    /** The residents holding these ID numbers within the actor's jurisdiction, by normalised ID number. */
    Map<String, LocatedResident> locateByIdNumbers(Collection<ResidentIdNumber> idNumbers, Actor actor);

    /**
     * Ids of demo residents after {@code after} (null: from the start), in id order, at most {@code limit}: for
     * other modules' demo data (LTC insured status). Demo data only; never real residents.
     */
    @SystemUse("demo data of other modules, built by the system at start in demo mode")
    List<UUID> demoResidentIds(@Nullable UUID after, int limit);

    /** A resident as other modules may know them: no name, no ID number. */
    record LocatedResident(UUID id, String residenceCode, String residencePath, @Nullable LocalDate deathDate) {
    }
}
