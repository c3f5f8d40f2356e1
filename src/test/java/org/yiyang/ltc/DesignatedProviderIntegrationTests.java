package org.yiyang.ltc;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

/** Designated providers: registered by LTC officers within their jurisdiction, listed within the caller's. */
@IntegrationTest
class DesignatedProviderIntegrationTests {
    static final String URL = "/api/v1/ltc/designated-providers";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;

    String cityOfficer;
    String tianheOfficer;
    String agreement;

    @BeforeEach
    void setUp() throws Exception {
        cityOfficer = Api.bearer(mvc, users.create(Role.LTC_OFFICER, "440100000000"), TestUsers.PASSWORD);
        tianheOfficer = Api.bearer(mvc, users.create(Role.LTC_OFFICER, "440106000000"), TestUsers.PASSWORD);
        agreement = "GZLTC-" + UUID.randomUUID().toString().substring(0, 8);
    }

    ResultActions register(String token, String body) throws Exception {
        return mvc.perform(post(URL).header("Authorization", token).header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    String provider(String agreementNo, String region, String kind) {
        return """
                {"name":"测试护理院","kind":"%s","agreementNo":"%s","regionCode":"%s","validFrom":"2026-01-01",
                 "validTo":"2028-12-31"}""".formatted(kind, agreementNo, region);
    }

    @Test
    void registersAndListsWithinTheJurisdiction() throws Exception {
        register(cityOfficer, provider(agreement + "-TH", "440106000000", "CARE"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.agreementNo").value(agreement + "-TH"))
                .andExpect(jsonPath("$.validFrom").value("2026-01-01"));
        register(cityOfficer, provider(agreement + "-HZ", "440105000000", "DEVICE")).andExpect(status().isCreated());
        mvc.perform(get(URL).header("Authorization", cityOfficer)).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].agreementNo", hasItem(agreement + "-TH")))
                .andExpect(jsonPath("$[*].agreementNo", hasItem(agreement + "-HZ")));
        String tianheStaff = Api.bearer(mvc, users.create(Role.PROVIDER_STAFF, "440106000000"), TestUsers.PASSWORD);
        mvc.perform(get(URL).header("Authorization", tianheStaff)).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].agreementNo", hasItem(agreement + "-TH")))
                .andExpect(jsonPath("$[*].agreementNo", not(hasItem(agreement + "-HZ"))));
    }

    @Test
    void aDistrictOfficerRegistersOnlyInTheDistrict() throws Exception {
        register(tianheOfficer, provider(agreement, "440105000000", "CARE"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("regionCode"))
                .andExpect(jsonPath("$.errors[0].code").value("OUTSIDE_JURISDICTION"));
    }

    @Test
    void namesEveryBadField() throws Exception {
        register(cityOfficer, """
                {"name":"","agreementNo":"%s","regionCode":"999999999999","validFrom":"2026-13-01",
                 "validTo":"2025-01-01"}""".formatted("X".repeat(61)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[?(@.field=='name')].code").value(hasItem("REQUIRED")))
                .andExpect(jsonPath("$.errors[?(@.field=='kind')].code").value(hasItem("REQUIRED")))
                .andExpect(jsonPath("$.errors[?(@.field=='agreementNo')].code").value(hasItem("LTC_TEXT_LENGTH")))
                .andExpect(jsonPath("$.errors[?(@.field=='regionCode')].code").value(hasItem("REGION_UNKNOWN")))
                .andExpect(jsonPath("$.errors[?(@.field=='validFrom')].code").value(hasItem("DATE_FORMAT")));
        register(cityOfficer, """
                {"name":"测试","kind":"CARE","agreementNo":"%s","regionCode":"440106000000",
                 "validFrom":"2026-01-01","validTo":"2025-12-31"}""".formatted(agreement))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("LTC_PERIOD_ORDER"));
    }

    @Test
    void refusesASecondAgreementWithTheSameNumber() throws Exception {
        register(cityOfficer, provider(agreement, "440106000000", "CARE")).andExpect(status().isCreated());
        register(cityOfficer, provider(agreement, "440106000000", "CARE")).andExpect(status().isConflict());
    }

    @Test
    void onlyLtcOfficersRegisterAndAnonymousCallersAreRefused() throws Exception {
        String staff = Api.bearer(mvc, users.create(Role.PROVIDER_STAFF, "440106000000"), TestUsers.PASSWORD);
        register(staff, provider(agreement, "440106000000", "CARE")).andExpect(status().isForbidden());
        mvc.perform(get(URL)).andExpect(status().isUnauthorized());
    }
}
