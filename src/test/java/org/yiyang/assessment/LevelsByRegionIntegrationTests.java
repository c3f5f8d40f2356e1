package org.yiyang.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

/** Counts by level per region add up to the effective results in SQL, and stay inside the caller's jurisdiction. */
@IntegrationTest
class LevelsByRegionIntegrationTests {
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;

    @Test
    void countsCurrentResultsPerDistrictAndRefusesRegionsOutsideTheJurisdiction() throws Exception {
        // two effective results in 天河 (levels 2 and 4) and one expired one that must not count; business dates are
        // Shanghai dates, which run ahead of UTC in the evening
        String tianhe = "440100000000.440106000000.440106001000.440106001001";
        insert(tianhe, 2, "current_date - 10", "current_date + 300");
        insert(tianhe, 4, "current_date - 10", "current_date + 300");
        insert(tianhe, 3, "current_date - 400", "current_date - 35");
        // an effective LTC 2021 result (grade entered by the assessors) is no GB/T 42195 level and must not count
        jdbc.sql("insert into assessment (id, person_id, residence_path, instrument, reason, status, requested_at, "
                        + "total, entered_grade, valid_from, valid_to) values (:id, :person, cast(:path as ltree), "
                        + "'LTC2021', 'FIRST', 'EFFECTIVE', now(), 100, 3, current_date - 10, current_date + 300)")
                .param("id", UUID.randomUUID()).param("person", UUID.randomUUID()).param("path", tianhe).update();
        long expectedTianhe = jdbc.sql("""
                select count(*) from assessment where status = 'EFFECTIVE' and instrument = 'GBT42195-2022'
                  and residence_path <@ '440100000000.440106000000'
                  and valid_from <= (now() at time zone 'Asia/Shanghai')::date
                  and valid_to >= (now() at time zone 'Asia/Shanghai')::date""").query(Long.class).single();

        String city = Api.bearer(mvc, users.create(Role.CITY_OFFICER, "440100000000"), TestUsers.PASSWORD);
        String body = mvc.perform(get("/api/v1/assessments/levels-by-region").header("Authorization", city))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rows.length()").value(11))
                .andReturn().getResponse().getContentAsString();
        List<Number> tianheRow = JsonPath.read(body, "$.rows[?(@.regionCode == '440106000000')].total");
        assertThat(tianheRow.get(0).longValue()).isEqualTo(expectedTianhe);
        List<Number> rowTotals = JsonPath.read(body, "$.rows[*].total");
        long sum = rowTotals.stream().mapToLong(Number::longValue).sum();
        assertThat(((Number) JsonPath.read(body, "$.total")).longValue()).isEqualTo(sum);

        String haizhu = Api.bearer(mvc, users.create(Role.DISTRICT_OFFICER, "440105000000"), TestUsers.PASSWORD);
        mvc.perform(get("/api/v1/assessments/levels-by-region").param("region", "440106000000")
                .header("Authorization", haizhu)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/assessments/levels-by-region").header("Authorization", haizhu))
                .andExpect(status().isOk()).andExpect(jsonPath("$.regionCode").value("440105000000"));
    }

    @Test
    void showsTheTableOnAPage() throws Exception {
        String officer = users.create(Role.CITY_OFFICER, "440100000000");
        var session = Api.login(mvc, officer, TestUsers.PASSWORD);
        String page = mvc.perform(get("/assessments/levels").session(session).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"levels-by-region\"", "天河区", "合计");
    }

    private void insert(String path, int level, String from, String to) {
        jdbc.sql("insert into assessment (id, person_id, residence_path, instrument, reason, status, requested_at, "
                        + "total, computed_level, final_level, valid_from, valid_to) values (:id, :person, "
                        + "cast(:path as ltree), 'GBT42195-2022', 'FIRST', 'EFFECTIVE', now(), 40, :level, :level, "
                        + from + ", " + to + ")")
                .param("id", UUID.randomUUID()).param("person", UUID.randomUUID()).param("path", path)
                .param("level", level).update();
    }
}
