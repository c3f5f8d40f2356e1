package org.yiyang.ltc.internal;

import java.util.UUID;
import org.yiyang.shared.Actor;
import org.yiyang.shared.Role;

/**
 * Who sees which LTC rows, as a SQL condition on a table with {@code residence_path} and {@code provider_id}: staff
 * with a jurisdiction see the rows whose resident lives in it; provider staff (without another staff role) see only
 * their provider's rows. Bind {@code :jurisdiction} and {@code :provider} with {@link #bind}.
 */
final class LtcScope {
    private LtcScope() {
    }

    static boolean providerOnly(Actor actor) {
        return actor.has(Role.PROVIDER_STAFF) && !actor.hasAny(Role.LTC_OFFICER, Role.CITY_OFFICER,
                Role.DISTRICT_OFFICER, Role.STREET_WORKER);
    }

    /** The condition, with an optional table alias ({@code "b."}). */
    static String condition(Actor actor, String alias) {
        return providerOnly(actor) ? alias + "provider_id = :provider"
                : alias + "residence_path <@ cast(:jurisdiction as ltree)";
    }

    /** The provider to bind: the actor's provider, or a value no row has. */
    static UUID provider(Actor actor) {
        return actor.providerId() == null ? new UUID(0, 0) : actor.providerId();
    }
}
