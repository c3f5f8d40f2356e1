package org.yiyang.testsupport;

import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.yiyang.identity.UserAccounts;
import org.yiyang.region.Regions;
import org.yiyang.shared.Role;

/** Creates throwaway users for integration tests (unique names, so tests sharing one database do not collide). */
@Component
public class TestUsers {
    public static final String PASSWORD = "correct horse battery staple";
    private final UserAccounts accounts;
    private final Regions regions;

    public TestUsers(UserAccounts accounts, Regions regions) {
        this.accounts = accounts;
        this.regions = regions;
    }

    /** A user with the role over the region; returns the user name (password {@link #PASSWORD}). */
    public String create(Role role, String regionCode) {
        return create(regionCode, role);
    }

    /** A user with several roles over the region. */
    public String create(String regionCode, Role... roles) {
        String username = roles[0].name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        String path = regions.pathOf(regionCode).orElseThrow();
        accounts.create(username, PASSWORD, Set.of(roles), regionCode, path, null, null);
        return username;
    }
}
