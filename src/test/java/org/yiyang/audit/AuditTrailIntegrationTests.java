package org.yiyang.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyang.identity.internal.TestSecondFactor;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.OwnerSql;
import org.yiyang.testsupport.TestUsers;

@IntegrationTest
class AuditTrailIntegrationTests {
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired AuditTrail trail;
    @Autowired TransactionTemplate tx;
    @Autowired TestSecondFactor secondFactor;
    @Autowired OwnerSql owner;

    String verify(String bearer) throws Exception {
        return mvc.perform(get("/api/v1/audit/verification").header("Authorization", bearer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    void sealEverything() {
        // the sealer runs in the background every 2 s; wait until every event so far has a seal
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            long open = jdbc.sql("select count(*) from audit_event e where not exists "
                    + "(select 1 from audit_seal s where s.event_id = e.id)").query(Long.class).single();
            if (open == 0) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("the sealer did not catch up");
    }

    @Test
    void reportsExactlyTheRowThatWasTamperedWith() throws Exception {
        String adminName = users.create(Role.AUDIT_ADMIN, "440100000000");
        String secret = secondFactor.enrol(adminName);
        String admin = Api.bearer(mvc, adminName, TestUsers.PASSWORD, TestSecondFactor.code(secret));
        String marker = UUID.randomUUID().toString();
        for (int i = 0; i < 5; i++) {
            trail.record(AuditEvent.success("TEST_EVENT", null, "test", marker + "-" + i));
        }
        sealEverything();
        assertThat(verify(admin)).contains("\"intact\":true");

        long victim = jdbc.sql("select id from audit_event where object_id = :o").param("o", marker + "-2")
                .query(Long.class).single();
        owner.jdbc().sql("update audit_event set object_id = 'someone-else' where id = :id").param("id", victim)
                .update();
        try {
            assertThat(verify(admin)).contains("\"intact\":false", "\"brokenAtEventId\":" + victim,
                    "\"problem\":\"CONTENT\"");
        } finally {
            owner.jdbc().sql("update audit_event set object_id = :o where id = :id").param("o", marker + "-2")
                    .param("id", victim).update();
        }
        assertThat(verify(admin)).contains("\"intact\":true");
    }

    @Test
    void failsTheBusinessOperationWhenTheAuditWriteFails() {
        String marker = UUID.randomUUID().toString();
        jdbc.sql("create table if not exists audit_probe (marker text)").update();
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            jdbc.sql("insert into audit_probe values (:m)").param("m", marker).update();
            trail.record(new AuditEvent("X".repeat(200), null, null, null, AuditEvent.Outcome.SUCCESS, null, null,
                    Map.of())); // event type too long for its column: the insert fails
        })).isInstanceOf(RuntimeException.class);
        assertThat(jdbc.sql("select count(*) from audit_probe where marker = :m").param("m", marker)
                .query(Long.class).single()).isZero();
    }

    @Test
    void givesTheApplicationRoleNoWayToChangeOrRemoveAuditRows() {
        trail.record(AuditEvent.success("TEST_EVENT", null, "test", "privileges"));
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("yiyang_app");
        for (String sql : new String[] {"update audit_event set reason = 'x'", "delete from audit_event",
                "truncate audit_event", "update audit_seal set hash = hash", "delete from audit_seal",
                "update audit_event_default set reason = 'x'"}) {
            assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql)
                    .rootCause().hasMessageContaining("permission denied");
        }
        String partition = jdbc.sql("select tableoid::regclass::text from audit_event order by id desc limit 1")
                .query(String.class).single();
        assertThatThrownBy(() -> jdbc.sql("delete from " + partition).update()).rootCause()
                .hasMessageContaining("permission denied");
    }

    @Test
    void showsTheTrailOnAPageToAuditorsOnly() throws Exception {
        String auditor = users.create(Role.AUDITOR, "440100000000");
        var session = Api.login(mvc, auditor, TestUsers.PASSWORD);
        String page = mvc.perform(get("/audit").param("type", "LOGIN").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"audit-events\"").contains(auditor);
        assertThat(jdbc.sql("select count(*) from audit_event where event_type = 'AUDIT_QUERY' and actor_username = :u")
                .param("u", auditor).query(Long.class).single()).isEqualTo(1);

        String officer = users.create(Role.CITY_OFFICER, "440100000000");
        var other = Api.login(mvc, officer, TestUsers.PASSWORD);
        mvc.perform(get("/audit").session(other)).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from audit_event where event_type = 'AUTHORIZATION_DENIED' "
                + "and actor_username = :u and object_id = 'GET /audit'").param("u", officer).query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void letsAuditorsSearchAndAuditsEverySearch() throws Exception {
        String auditor = users.create(Role.AUDITOR, "440100000000");
        String bearer = Api.bearer(mvc, auditor, TestUsers.PASSWORD);
        mvc.perform(get("/api/v1/audit/events").param("type", "LOGIN").header("Authorization", bearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].eventType").value("LOGIN"));
        long searches = jdbc.sql("select count(*) from audit_event where event_type = 'AUDIT_QUERY' "
                + "and actor_username = :u").param("u", auditor).query(Long.class).single();
        assertThat(searches).isEqualTo(1);

        String officer = Api.bearer(mvc, users.create(Role.CITY_OFFICER, "440100000000"), TestUsers.PASSWORD);
        mvc.perform(get("/api/v1/audit/events").header("Authorization", officer)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit/verification").header("Authorization", bearer))
                .andExpect(status().isForbidden());
    }
}
