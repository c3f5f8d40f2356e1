package org.yiyang.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yiyang.region.Regions;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

@IntegrationTest
class PersonPagesIntegrationTests {
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Regions regions;
    @Autowired JdbcClient jdbc;

    MockHttpSession session;
    String community;
    String prefix;

    @BeforeEach
    void setUp() throws Exception {
        community = PersonFixtures.streetWithCommunities(regions, "440106", "页面测试")[1];
        session = login(users.create(Role.STREET_WORKER, "440106000000"));
        prefix = "P" + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void registersThroughTheFormAndShowsTheProfileMasked() throws Exception {
        String idNumber = PersonFixtures.idNumber("440106", LocalDate.of(1946, 2, 2), false);
        String location = mvc.perform(form(idNumber, prefix + "林阿婆"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/persons/*"))
                .andReturn().getResponse().getRedirectedUrl();
        String profile = page(get(location));
        assertThat(profile).contains("id=\"person-name\"").contains(prefix + "林阿婆")
                .contains(idNumber.substring(0, 3) + "***********" + idNumber.substring(14))
                .doesNotContain(idNumber).contains("低保对象").contains("页面测试一社区");
        assertThat(page(get(location).param("lang", "en"))).contains("Minimum living allowance");

        String search = page(get("/persons").param("q", prefix));
        assertThat(search).contains("id=\"person-search\"").contains("id=\"q\"").contains("id=\"search-submit\"")
                .contains("id=\"persons\"").contains("class=\"person-link\"").contains(prefix + "林阿婆");
        assertThat(page(post("/persons").with(csrf()).param("q", idNumber.toLowerCase()))).contains(prefix + "林阿婆")
                .contains("method=\"post\"");
    }

    @Test
    void reShowsTheFormWithAMessageBesideEachBadFieldAndWritesNothing() throws Exception {
        long before = persons();
        String idNumber = PersonFixtures.idNumber();
        String wrong = idNumber.substring(0, 17) + (idNumber.charAt(17) == '0' ? '1' : '0');
        String html = page(post("/persons/new").with(csrf()).param("idNumber", wrong).param("name", "")
                .param("phone", "123").param("hukouRegion", "440106000000").param("residenceRegion", community)
                .param("householdIncomePerCapitaFen", "lots"));
        assertThat(html).contains("id=\"idNumber-error\"").contains("校验码不符")
                .contains("id=\"name-error\"").contains("id=\"phone-error\"")
                .contains("id=\"householdIncomePerCapitaFen-error\"")
                .contains("value=\"" + wrong + "\"");
        assertThat(html.replace("value=\"" + wrong + "\"", "")).doesNotContain(wrong);
        assertThat(persons()).isEqualTo(before);
    }

    @Test
    void showsLikelyDuplicatesAndRegistersOnceConfirmed() throws Exception {
        String first = PersonFixtures.idNumber("440106", LocalDate.of(1939, 9, 9), true);
        mvc.perform(form(first, prefix + "何伯")).andExpect(status().is3xxRedirection());
        String first17 = first.substring(0, 14) + String.format("%03d", (Integer.parseInt(first.substring(14, 17)) + 2) % 1000);
        String second = first17 + Gb11643.checkCharacter(first17);
        String html = page(form(second, prefix + "何伯"));
        assertThat(html).contains("id=\"duplicates\"").contains("id=\"confirmedNotDuplicate\"")
                .contains("class=\"person-link\"");
        mvc.perform(form(second, prefix + "何伯").param("confirmedNotDuplicate", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(page(form(second, prefix + "何伯"))).contains("id=\"existing-person\"");
    }

    @Test
    void pagesThroughNameSearchResultsWithTheTotal() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(form(PersonFixtures.idNumber(), prefix + "翻页" + i)).andExpect(status().is3xxRedirection());
        }
        String first = page(get("/persons").param("q", prefix).param("size", "2"));
        assertThat(first).contains("共找到 3 位居民").contains("id=\"page-next\"").doesNotContain("id=\"page-previous\"");
        String second = page(get("/persons").param("q", prefix).param("size", "2").param("page", "1"));
        assertThat(second).contains("id=\"page-previous\"").doesNotContain("id=\"page-next\"");
        assertThat(page(get("/persons").param("q", prefix).param("region", "440105000000"))).contains("共找到 0 位居民");
    }

    @Test
    void checksTheIdNumberAsItIsTyped() throws Exception {
        String valid = page(post("/persons/id-number-check").param("idNumber", "11010519491231002x").with(csrf()));
        assertThat(valid).contains("id=\"idNumber-valid\"").contains("1949-12-31").contains("女")
                .doesNotContain("<html");
        String invalid = page(post("/persons/id-number-check").param("idNumber", "110105194912310021")
                .with(csrf()).param("lang", "en"));
        assertThat(invalid).contains("id=\"idNumber-invalid\"").contains("check character");
    }

    @Test
    void importsAFileFromTheUploadPage() throws Exception {
        assertThat(page(get("/persons/imports"))).contains("id=\"person-import-form\"").contains("_csrf");
        String csv = "idNumber,name,hukouRegion,residenceRegion\n" + PersonFixtures.idNumber() + "," + prefix
                + "导入," + "440106000000," + community + "\n";
        mvc.perform(multipart("/persons/imports").file(new MockMultipartFile("file", "r.csv", "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8))).session(session).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/jobs/*"));
        assertThat(page(get("/persons").param("q", prefix))).contains(prefix + "导入");
    }

    @Test
    void answersNotFoundOutsideTheJurisdiction() throws Exception {
        String location = mvc.perform(form(PersonFixtures.idNumber(), prefix + "远方"))
                .andReturn().getResponse().getRedirectedUrl();
        MockHttpSession haizhu = login(users.create(Role.STREET_WORKER, "440105000000"));
        mvc.perform(get(location).session(haizhu)).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/persons").param("q", prefix).session(haizhu)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain(prefix + "远方");
        mvc.perform(get("/persons")).andExpect(status().is3xxRedirection());
    }

    private MockHttpServletRequestBuilder form(String idNumber, String name) {
        return post("/persons/new").session(session).with(csrf())
                .param("idNumber", idNumber).param("name", name).param("phone", PersonFixtures.phone())
                .param("hukouRegion", "440106000000").param("residenceRegion", community)
                .param("address", "体育东路1号").param("livingArrangement", "ALONE")
                .param("householdIncomePerCapitaFen", "90000")
                .param("tags[0].tag", "DIBAO").param("tags[0].validFrom", "2025-01-01")
                .param("tags[1].tag", "").param("tags[1].validFrom", "").param("tags[1].validTo", "");
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpSession login(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(TestUsers.PASSWORD))
                .andExpect(status().is3xxRedirection()).andReturn().getRequest().getSession(false);
    }

    /** Residents of the test streets (900–999), so that other data (e.g. a demo city) cannot disturb the count. */
    private long persons() {
        return jdbc.sql(PersonFixtures.COUNT_IN_TEST_STREETS).query(Long.class).single();
    }
}
