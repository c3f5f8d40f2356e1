package org.yiyang.identity.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.yiyang.shared.Actor;
import org.yiyang.shared.Role;

/** Loads users for authentication, by login or by id. */
@Component
class UserDirectory implements UserDetailsService {
    private static final String SELECT = """
            select id, username, password_hash, roles, jurisdiction_code, jurisdiction_path::text as path,
                   provider_id, enabled, locked_until
            from user_account
            """;

    private final JdbcClient jdbc;

    UserDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql(SELECT + " where username = :u").param("u", username).query(UserDirectory::map)
                .optional().orElseThrow(() -> new UsernameNotFoundException("bad credentials"));
    }

    Optional<UserPrincipal> byId(UUID id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(UserDirectory::map).optional();
    }

    private static UserPrincipal map(ResultSet rs, int row) throws SQLException {
        Array array = rs.getArray("roles");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : (String[]) array.getArray()) {
            roles.add(Role.valueOf(r));
        }
        Timestamp locked = rs.getTimestamp("locked_until");
        var actor = new Actor(rs.getObject("id", UUID.class), rs.getString("username"), roles,
                rs.getString("jurisdiction_code"), rs.getString("path"), rs.getObject("provider_id", UUID.class));
        return new UserPrincipal(actor, rs.getString("password_hash"), rs.getBoolean("enabled"),
                locked == null ? null : locked.toInstant());
    }
}
