package org.yiyang.shared;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who acts, with which roles, and where. Built once per request by the web layer and passed explicitly to
 * application services; the domain never reads a current user from ambient state.
 *
 * @param jurisdictionPath the ltree path of the region subtree the user may see (e.g. {@code 440100000000.440106000000})
 * @param providerId       for provider staff, the provider they work for
 */
public record Actor(UUID userId, String username, Set<Role> roles, String jurisdictionCode, String jurisdictionPath,
                    @Nullable UUID providerId) {

    public Actor {
        Objects.requireNonNull(userId);
        Objects.requireNonNull(username);
        roles = Set.copyOf(roles);
        Objects.requireNonNull(jurisdictionCode);
        Objects.requireNonNull(jurisdictionPath);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role r : wanted) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Provider staff without a jurisdiction role: they see residents only through their provider (the people it
     * serves, and its own records), never by region.
     */
    public boolean providerScoped() {
        return has(Role.PROVIDER_STAFF) && !hasAny(Role.CITY_OFFICER, Role.DISTRICT_OFFICER, Role.STREET_WORKER,
                Role.LTC_OFFICER);
    }

    /** Refuses the action unless the actor holds one of the roles. */
    public void require(Role... wanted) {
        if (!hasAny(wanted)) {
            throw new AccessRefused("role");
        }
    }

    @Override
    public String toString() {
        return "Actor[" + username + " " + roles + " @" + jurisdictionCode + "]";
    }
}
