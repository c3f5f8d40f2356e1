package org.yiyang.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

/** The resident's assessment history page: newest first with level and validity, only within the jurisdiction. */
@IntegrationTest
class AssessmentHistoryPageIntegrationTests {
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;

    @Test
    void listsAResidentsResultsWithinTheJurisdiction() throws Exception {
        UUID person = UUID.randomUUID();
        String tianhe = "440100000000.440106000000.440106001000.440106001001";
        insert(person, tianhe, 3, "EXPIRED", "date '2024-03-01'", "date '2025-02-28'");
        insert(person, tianhe, 2, "EFFECTIVE", "date '2025-03-01'", "date '2026-02-28'");
        var officer = Api.login(mvc, users.create(Role.DISTRICT_OFFICER, "440106000000"), TestUsers.PASSWORD);
        String page = mvc.perform(get("/persons/{id}/assessments", person).session(officer)
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"assessment-history\"", "2025-03-01 – 2026-02-28", "2024-03-01 – 2025-02-28");
        assertThat(page.indexOf("2025-03-01")).as("newest first").isLessThan(page.indexOf("2024-03-01"));
        var haizhu = Api.login(mvc, users.create(Role.DISTRICT_OFFICER, "440105000000"), TestUsers.PASSWORD);
        String outside = mvc.perform(get("/persons/{id}/assessments", person).session(haizhu))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(outside).contains("id=\"history-empty\"").doesNotContain("2025-03-01");
    }

    private void insert(UUID person, String path, int level, String status, String from, String to) {
        jdbc.sql("insert into assessment (id, person_id, residence_path, instrument, reason, status, requested_at, "
                        + "effective_at, total, computed_level, final_level, valid_from, valid_to) values (:id, :person, "
                        + "cast(:path as ltree), 'GBT42195-2022', 'FIRST', :status, now(), now(), 40, :level, :level, "
                        + from + ", " + to + ")")
                .param("id", UUID.randomUUID()).param("person", person).param("path", path).param("status", status)
                .param("level", level).update();
    }
}
