package org.yiyang.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

@IntegrationTest
class RegionApiIntegrationTests {
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Regions regions;
    String bearer;

    @BeforeEach
    void signIn() throws Exception {
        bearer = Api.bearer(mvc, users.create(Role.CITY_OFFICER, "440100000000"), TestUsers.PASSWORD);
    }

    @Test
    void answersTheCityWithItsElevenRealDistricts() throws Exception {
        mvc.perform(get("/api/v1/regions/440100000000").header("Authorization", bearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("广州市"))
                .andExpect(jsonPath("$.level").value("CITY"))
                .andExpect(jsonPath("$.demo").value(false));
        mvc.perform(get("/api/v1/regions/440100000000/children").header("Authorization", bearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(11))
                .andExpect(jsonPath("$[*].code").value(hasItem("440106000000")))
                .andExpect(jsonPath("$[*].name").value(hasItem("天河区")))
                .andExpect(jsonPath("$[*].level").value(hasItem("DISTRICT")));
    }

    @Test
    void refusesAMalformedCodeAndDoesNotFindAnUnknownOne() throws Exception {
        mvc.perform(get("/api/v1/regions/4401").header("Authorization", bearer))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("code"))
                .andExpect(jsonPath("$.errors[0].code").value("REGION_CODE_FORMAT"));
        mvc.perform(get("/api/v1/regions/440199000000").header("Authorization", bearer))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/regions/440199000000/children").header("Authorization", bearer))
                .andExpect(status().isNotFound());
    }

    @Test
    void knowsWhichRegionLiesWithinWhich() {
        assertThat(regions.isWithin("440106000000", "440100000000")).isTrue();
        assertThat(regions.isWithin("440100000000", "440106000000")).isFalse();
        assertThat(regions.isWithin("440105000000", "440106000000")).isFalse();
        assertThat(regions.isWithin("440106000000", "440106000000")).isTrue();
        assertThat(regions.pathOf("440106000000")).hasValue("440100000000.440106000000");
    }
}
