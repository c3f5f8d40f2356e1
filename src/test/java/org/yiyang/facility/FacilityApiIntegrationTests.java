package org.yiyang.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.region.Regions;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

@IntegrationTest
class FacilityApiIntegrationTests {
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Facilities facilities;
    @Autowired Regions regions;
    String token;

    @BeforeEach
    void signIn() throws Exception {
        token = Api.bearer(mvc, users.create(Role.STREET_WORKER, "440106001000"), TestUsers.PASSWORD);
    }

    private String body(String query) throws Exception {
        return mvc.perform(get("/api/v1/facilities" + query).header("Authorization", token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void listsTheYikangCentresOfADistrict() throws Exception {
        String body = body("?type=YIKANG_CENTRE&region=440106000000&size=100");
        List<String> types = JsonPath.read(body, "$.items[*].type");
        List<String> regionCodes = JsonPath.read(body, "$.items[*].regionCode");
        assertThat(types).hasSize(21).containsOnly("YIKANG_CENTRE");
        assertThat(regionCodes).allMatch(c -> c.startsWith("440106"));
        assertThat((Integer) JsonPath.read(body, "$.total")).isEqualTo(21);
        assertThat((Integer) JsonPath.read(body, "$.page")).isZero();
        assertThat((Integer) JsonPath.read(body, "$.size")).isEqualTo(100);
        List<String> names = JsonPath.read(body, "$.items[*].regionName");
        assertThat(names).contains("五山街道");
        List<String> codes = JsonPath.read(body, "$.items[*].creditCode");
        assertThat(codes).allMatch(UnifiedSocialCreditCode::isValid);
    }

    @Test
    void filtersByRegionSubtreeInSql() throws Exception {
        String body = body("?region=440106001000&size=100");
        List<String> regionCodes = JsonPath.read(body, "$.items[*].regionCode");
        assertThat(regionCodes).isNotEmpty().allMatch(c -> c.startsWith("440106001"));
        assertThat((Integer) JsonPath.read(body, "$.total")).isEqualTo(regionCodes.size());
        List<String> types = JsonPath.read(body, "$.items[*].type");
        assertThat(types).contains("YIKANG_CENTRE", "YIKANG_STATION");
    }

    @Test
    void pagesAddUpToTheTotalAndTheCountsByType() throws Exception {
        long total = -1;
        int seen = 0;
        for (int page = 0; total < 0 || (long) page * 100 < total; page++) {
            String body = body("?type=INSTITUTION&size=100&page=" + page);
            total = ((Number) JsonPath.read(body, "$.total")).longValue();
            List<Object> items = JsonPath.read(body, "$.items");
            seen += items.size();
            List<Integer> beds = JsonPath.read(body, "$.items[*].bedsTotal");
            assertThat(beds).allMatch(b -> b >= 50 && b <= 800);
        }
        assertThat((long) seen).isEqualTo(total);
        Map<FacilityType, Long> counts = facilities.countByType(null);
        assertThat(counts.get(FacilityType.INSTITUTION)).isEqualTo(total);
        String tianhe = regions.pathOf("440106000000").orElseThrow();
        assertThat(facilities.countByType(tianhe).get(FacilityType.YIKANG_CENTRE)).isEqualTo(21);
        assertThat(facilities.list(FacilityType.YIKANG_STATION, tianhe, 0, 1).total())
                .isEqualTo(facilities.countByType(tianhe).get(FacilityType.YIKANG_STATION));
    }

    @Test
    void showsOneFacilityWithItsProvider() throws Exception {
        String list = body("?type=DISTRICT_CENTRE&region=440106000000");
        String id = JsonPath.read(list, "$.items[0].id");
        mvc.perform(get("/api/v1/facilities/" + id).header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("DISTRICT_CENTRE"))
                .andExpect(jsonPath("$.regionCode").value("440106000000"))
                .andExpect(jsonPath("$.regionName").value("天河区"))
                .andExpect(jsonPath("$.providerName").isString())
                .andExpect(jsonPath("$.ownership").isString())
                .andExpect(jsonPath("$.latitude").isNumber())
                .andExpect(jsonPath("$.services").isArray())
                .andExpect(jsonPath("$.demo").value(true));
        mvc.perform(get("/api/v1/facilities/00000000-0000-4000-8000-000000000000").header("Authorization", token))
                .andExpect(status().isNotFound());
    }

    @Test
    void namesTheBadFieldOfAFilter() throws Exception {
        // 440106899000: outside the test streets 440106900000–440106999000 that PersonFixtures creates at random
        mvc.perform(get("/api/v1/facilities?type=HOSPITAL").header("Authorization", token))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("type"))
                .andExpect(jsonPath("$.errors[0].code").value("FACILITY_TYPE_UNKNOWN"));
        mvc.perform(get("/api/v1/facilities?region=440106899000").header("Authorization", token))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("region"))
                .andExpect(jsonPath("$.errors[0].code").value("REGION_UNKNOWN"));
        mvc.perform(get("/api/v1/facilities?region=4401").header("Authorization", token))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("REGION_CODE_FORMAT"));
        mvc.perform(get("/api/v1/facilities?size=0").header("Authorization", token))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/v1/facilities?page=x").header("Authorization", token))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("page"))
                .andExpect(jsonPath("$.errors[0].code").value("WRONG_TYPE"));
    }

    @Test
    void refusesAnonymousCallers() throws Exception {
        mvc.perform(get("/api/v1/facilities")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/facilities/00000000-0000-4000-8000-000000000000")).andExpect(status().isUnauthorized());
    }

    @Test
    void rendersTheListAndDetailPages() throws Exception {
        mvc.perform(get("/facilities?type=YIKANG_CENTRE&region=440106000000").with(user("page-reader")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("五山街综合养老服务中心（颐康中心）")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("共 21 个设施")));
        mvc.perform(get("/facilities?type=YIKANG_CENTRE&lang=en").with(user("page-reader")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Yikang centre")));
        mvc.perform(get("/facilities?type=NOPE").with(user("page-reader")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("没有该设施类型代码")));
        var f = facilities.list(FacilityType.INSTITUTION, null, 0, 1).items().get(0);
        mvc.perform(get("/facilities/" + f.id()).with(user("page-reader")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(f.creditCode().value())));
        mvc.perform(get("/facilities/not-a-uuid").with(user("page-reader"))).andExpect(status().isNotFound());
        mvc.perform(get("/facilities")).andExpect(status().is3xxRedirection());
    }
}
