package org.yiyang.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyang.person.Gb11643;
import org.yiyang.person.LivingArrangement;
import org.yiyang.person.PersonTag;
import org.yiyang.person.ResidentBulkWriter;
import org.yiyang.person.ResidentIdNumber;
import org.yiyang.person.ResidentRecord;
import org.yiyang.person.TagPeriod;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

/** The entitlements page of a resident and the service-list admin pages, in both languages. */
@IntegrationTest
class EligibilityPagesIntegrationTests {
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired ResidentBulkWriter writer;
    @Autowired TransactionTemplate transactions;

    @Test
    void aResidentsEntitlementsShowEachItemWithItsConditions() throws Exception {
        UUID id = UUID.randomUUID();
        LocalDate birth = LocalDate.of(1931, 4, 1 + (int) (Math.random() * 27));
        String first17 = "440106" + birth.toString().replace("-", "") + String.format("%03d", (int) (Math.random() * 1000));
        String community = "440106001001";
        transactions.executeWithoutResult(s -> writer.write(List.of(new ResidentRecord(id,
                ResidentIdNumber.parse(first17 + Gb11643.checkCharacter(first17)), "页面测试", null, community,
                community, "440100000000.440106000000.440106001000.440106001001", null, LivingArrangement.ALONE,
                150_000L, List.of(new TagPeriod(PersonTag.DIBAO, LocalDate.of(2025, 1, 1), null)), false))));
        MockHttpSession session = Api.login(mvc, users.create(Role.STREET_WORKER, "440106000000"), TestUsers.PASSWORD);
        String zh = mvc.perform(get("/persons/{id}/eligibility", id).param("asOf", "2026-06-15").session(session)
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("id=\"eligibility-items\"", "居家社区养老服务资助（第一类）", "尚不能确定",
                "照护需求评估结果", "长者饭堂就餐补贴", "符合条件", "GZ-2024-SEED");
        String en = mvc.perform(get("/persons/{id}/eligibility", id).param("asOf", "2026-06-15").session(session)
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("Community care subsidy, first class", "Not yet decided", "Eligible");
        String profile = mvc.perform(get("/persons/{id}", id).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(profile).contains("/persons/" + id + "/eligibility");
    }

    @Test
    void theAdminPagesShowVersionsRefuseAFaultyDocumentAndRunADryRun() throws Exception {
        MockHttpSession session = Api.login(mvc, users.create(Role.CITY_OFFICER, "440100000000"), TestUsers.PASSWORD);
        String list = mvc.perform(get("/service-lists").session(session).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("GZ-2024-SEED", "今日生效", "id=\"submit-version\"", "2024-07-17 – ");
        String refused = mvc.perform(post("/service-lists").session(session).with(csrf())
                        .header("Accept-Language", "en").param("document", "{\"code\": \"X1\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"document-errors\"", "docNo: is missing");
        String dryRun = mvc.perform(post("/service-lists/GZ-2024-SEED/dry-run").session(session).with(csrf())
                        .param("asOf", "2026-06-15"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(dryRun).contains("id=\"dry-run-result\"", "id=\"shift-COMMUNITY_SUBSIDY_1\"");
        String district = mvc.perform(get("/service-lists/GZ-2024-SEED")
                        .session(Api.login(mvc, users.create(Role.DISTRICT_OFFICER, "440106000000"), TestUsers.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(district).contains("id=\"version-items\"").doesNotContain("id=\"dry-run\"");
    }
}
