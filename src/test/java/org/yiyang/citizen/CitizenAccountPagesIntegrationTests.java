package org.yiyang.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.ltc.LtcWorld;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

/**
 * The street office's citizen-account pages: register an account linked to the resident it is, record a family
 * member's authority picked by ID number (in the posted form, never in a URL), see it in force, revoke it; every
 * problem shown beside its field; other districts 404, other roles 403; no full ID number on any page.
 */
@IntegrationTest
class CitizenAccountPagesIntegrationTests {
    static final String PASSWORD = "a long citizen passphrase 2026";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired LtcWorld world;
    @Autowired JdbcClient jdbc;

    MockHttpSession worker;
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @BeforeEach
    void streetWorker() throws Exception {
        worker = Api.login(mvc, users.create(Role.STREET_WORKER, LtcWorld.TIANHE), TestUsers.PASSWORD);
    }

    @Test
    void registersAnAccountRecordsAFamilyAuthorityAndRevokesIt() throws Exception {
        LtcWorld.Resident daughter = world.resident(LtcWorld.TIANHE);
        LtcWorld.Resident mother = world.resident(LtcWorld.TIANHE);
        String username = "citizen-page-" + UUID.randomUUID().toString().substring(0, 6);

        // every problem beside its field, nothing stored
        String refused = mvc.perform(post("/citizens").session(worker).with(csrf()).param("username", username)
                        .param("password", "short").param("personIdNumber", "440106194001010000"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"personIdNumber-error\"");
        assertThat(jdbc.sql("select count(*) from user_account where username = :u").param("u", username)
                .query(Long.class).single()).isZero();
        String weakPassword = mvc.perform(post("/citizens").session(worker).with(csrf()).param("username", username)
                        .param("password", "short"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(weakPassword).contains("id=\"password-error\"");

        String location = mvc.perform(post("/citizens").session(worker).with(csrf()).param("username", username)
                        .param("password", PASSWORD).param("displayName", "陈女士")
                        .param("personIdNumber", daughter.idNumber()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/citizens/[0-9a-f-]{36}").doesNotContain(daughter.idNumber());
        String account = location.substring("/citizens/".length());
        String page = page(location, "zh-CN");
        assertThat(page).contains(username, "持有人即此居民", "尚无授权记录");

        // an authority with a missing relation and period is refused field by field
        String missing = mvc.perform(post(location + "/authorities").session(worker).with(csrf())
                        .param("personIdNumber", mother.idNumber()).param("givenBy", "SELF"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(missing).contains("id=\"relation-error\"", "id=\"proofType-error\"", "id=\"validTo-error\"");

        mvc.perform(post(location + "/authorities").session(worker).with(csrf())
                        .param("personIdNumber", mother.idNumber()).param("relation", "FAMILY")
                        .param("givenBy", "SELF").param("proofType", "POWER_OF_ATTORNEY").param("proofRef", "TH-2026-7")
                        .param("validFrom", today.minusDays(1).toString())
                        .param("validTo", today.plusDays(365).toString()))
                .andExpect(status().is3xxRedirection());
        page = page(location, "zh-CN");
        assertThat(page).contains("家属", "有效", "POWER_OF_ATTORNEY", "TH-2026-7");
        assertThat(page(location, "en")).contains("Family member", "in force");
        assertThat(inScope(account, mother.id())).isTrue();

        String authority = jdbc.sql("select id from person_consent where agent_user_id = cast(:a as uuid)")
                .param("a", account).query(String.class).single();
        mvc.perform(post(location + "/authorities/" + authority + "/revoke").session(worker).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page(location, "zh-CN")).contains("已撤回");
        assertThat(inScope(account, mother.id())).isFalse();

        for (String html : new String[] {page, refused, missing, page("/citizens", "zh-CN")}) {
            assertThat(html).doesNotContain(daughter.idNumber(), mother.idNumber());
        }
    }

    @Test
    void otherDistrictsSeeNotFoundAndOtherRolesAreRefused() throws Exception {
        String location = mvc.perform(post("/citizens").session(worker).with(csrf())
                        .param("username", "citizen-scope-" + UUID.randomUUID().toString().substring(0, 6))
                        .param("password", PASSWORD))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        MockHttpSession haizhu = Api.login(mvc, users.create(Role.DISTRICT_OFFICER, LtcWorld.HAIZHU),
                TestUsers.PASSWORD);
        mvc.perform(get(location).session(haizhu)).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/citizens").session(haizhu)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).doesNotContain(location);
        MockHttpSession provider = Api.login(mvc, users.create(Role.PROVIDER_STAFF, LtcWorld.TIANHE),
                TestUsers.PASSWORD);
        mvc.perform(get("/citizens").session(provider)).andExpect(status().isForbidden());
    }

    private String page(String path, String language) throws Exception {
        return mvc.perform(get(path).session(worker).header("Accept-Language", language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private boolean inScope(String account, UUID person) {
        return jdbc.sql("select :p in (select citizen_scope(cast(:a as uuid), :d))")
                .param("p", person).param("a", account).param("d", today).query(Boolean.class).single();
    }
}
