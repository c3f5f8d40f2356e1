package org.yiyang.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

/**
 * The jurisdiction matrix, generated from the application's own endpoint list: two districts (天河 and 海珠), an
 * officer in each; every API endpoint that takes an id is called by the 天河 officer with ids of 海珠 records and must
 * answer 404; every list endpoint returns only 天河 rows, as many as SQL counts in the 天河 subtree. A new id-taking
 * endpoint fails {@link #coversEveryIdTakingEndpoint()} until it is added here (or declared reference data).
 */
@IntegrationTest
class JurisdictionMatrixTests {
    static final String TIANHE = "440106000000";
    static final String HAIZHU = "440105000000";
    static final String HAIZHU_PATH = "440100000000.440105000000";

    /** Public reference data (statistical divisions, the facility network): the same for every user. */
    static final Set<String> REFERENCE = Set.of("GET /api/v1/regions/{code}", "GET /api/v1/regions/{code}/children",
            "GET /api/v1/facilities/{id}",
            // the service list is city-wide policy data; the people lists and dry-run counts under it are scoped by
            // the caller's jurisdiction in SQL (EligibilityIntegrationTests)
            "GET /api/v1/service-lists/{code}", "GET /api/v1/service-lists/{code}/compare",
            "POST /api/v1/service-lists/{code}/dry-run", "POST /api/v1/service-lists/{code}/activate",
            "GET /api/v1/eligibility/items/{item}/people");
    /** Emergency access is city-wide by design (break-the-glass: reason, time box, audit, supervisors told). */
    static final Set<String> EMERGENCY = Set.of("POST /api/v1/persons/{id}/break-glass");
    /** Account administration is city-wide, by the security administrator only. */
    static final String ACCOUNT_ADMINISTRATION = "/api/v1/users/{id}/";

    /** For each id-taking endpoint: the SQL that finds ids of 海珠 records. */
    static final Map<String, String> HAIZHU_IDS = new LinkedHashMap<>();

    static {
        HAIZHU_IDS.put("GET /api/v1/persons/{id}",
                "select id::text from person where residence_path <@ '" + HAIZHU_PATH + "'::ltree limit 5");
        HAIZHU_IDS.put("POST /api/v1/persons/{id}/unmask",
                "select id::text from person where residence_path <@ '" + HAIZHU_PATH + "'::ltree limit 3");
        HAIZHU_IDS.put("GET /api/v1/persons/{id}/eligibility",
                "select id::text from person where residence_path <@ '" + HAIZHU_PATH + "'::ltree limit 3");
        HAIZHU_IDS.put("GET /api/v1/persons/{id}/emergency-view",
                "select id::text from person where residence_path <@ '" + HAIZHU_PATH + "'::ltree limit 3");
        for (String endpoint : new String[] {"GET /api/v1/persons/{id}/consents", "POST /api/v1/persons/{id}/consents",
                "POST /api/v1/persons/{id}/consents/{consentId}/withdraw"}) {
            HAIZHU_IDS.put(endpoint,
                    "select id::text from person where residence_path <@ '" + HAIZHU_PATH + "'::ltree limit 2");
        }
        HAIZHU_IDS.put("GET /api/v1/persons/{id}/account",
                "select id::text from person where residence_path <@ '" + HAIZHU_PATH + "'::ltree limit 3");
        String assessments = "select id::text from assessment where residence_path <@ '" + HAIZHU_PATH
                + "'::ltree limit 2";
        for (String endpoint : new String[] {"GET /api/v1/assessments/{id}", "POST /api/v1/assessments/{id}/assignment",
                "PUT /api/v1/assessments/{id}/draft", "POST /api/v1/assessments/{id}/submission",
                "POST /api/v1/assessments/{id}/override", "POST /api/v1/assessments/{id}/signatures",
                "POST /api/v1/assessments/{id}/visit"}) {
            HAIZHU_IDS.put(endpoint, assessments);
        }
        String agencies = "select id::text from assessment_agency where region_path <@ '" + HAIZHU_PATH
                + "'::ltree limit 2";
        for (String endpoint : new String[] {"GET /api/v1/assessment-agencies/{id}",
                "PUT /api/v1/assessment-agencies/{id}/assessors/{userId}"}) {
            HAIZHU_IDS.put(endpoint, agencies);
        }
        String applications = "select id::text from application where residence_path <@ '" + HAIZHU_PATH
                + "'::ltree limit 2";
        for (String endpoint : new String[] {"GET /api/v1/applications/{id}",
                "POST /api/v1/applications/{id}/first-check", "POST /api/v1/applications/{id}/verification",
                "POST /api/v1/applications/{id}/decision", "POST /api/v1/applications/{id}/review",
                "POST /api/v1/applications/{id}/review/decision", "POST /api/v1/applications/{id}/attachments",
                "GET /api/v1/applications/{id}/attachments/{attachmentId}"}) {
            HAIZHU_IDS.put(endpoint, applications);
        }
        String ltcPersons = "select id::text from person where residence_path <@ '" + HAIZHU_PATH + "'::ltree limit 2";
        HAIZHU_IDS.put("GET /api/v1/ltc/persons/{id}/insured", ltcPersons);
        HAIZHU_IDS.put("POST /api/v1/ltc/persons/{id}/insured", ltcPersons);
        String beneficiaries = "select id::text from ltc_beneficiary where residence_path <@ '" + HAIZHU_PATH
                + "'::ltree limit 2";
        for (String endpoint : new String[] {"GET /api/v1/ltc/beneficiaries/{id}",
                "POST /api/v1/ltc/beneficiaries/{id}/end", "POST /api/v1/ltc/beneficiaries/{id}/hospital-stays",
                "GET /api/v1/ltc/beneficiaries/{id}/care-plans", "POST /api/v1/ltc/beneficiaries/{id}/care-plans",
                "GET /api/v1/ltc/beneficiaries/{id}/statement"}) {
            HAIZHU_IDS.put(endpoint, beneficiaries);
        }
        String designations = "select id::text from ltc_designated_provider where region_path <@ '" + HAIZHU_PATH
                + "'::ltree limit 2";
        HAIZHU_IDS.put("POST /api/v1/ltc/designated-providers/{id}/end", designations);
        HAIZHU_IDS.put("POST /api/v1/ltc/designated-providers/{id}/suspensions", designations);
        String settlements = "select id::text from ltc_settlement_run where region_path <@ '" + HAIZHU_PATH
                + "'::ltree limit 2";
        for (String endpoint : new String[] {"GET /api/v1/ltc/settlements/{id}",
                "POST /api/v1/ltc/settlements/{id}/approval", "POST /api/v1/ltc/settlements/{id}/lock",
                "GET /api/v1/ltc/settlements/{id}/statement.csv", "GET /api/v1/ltc/settlements/{id}/statement.xlsx"}) {
            HAIZHU_IDS.put(endpoint, settlements);
        }
        String citizens = "select id::text from user_account where 'CITIZEN' = any(roles) and jurisdiction_path <@ '"
                + HAIZHU_PATH + "'::ltree limit 2";
        for (String endpoint : new String[] {"GET /api/v1/citizens/{id}", "POST /api/v1/citizens/{id}/authorities",
                "POST /api/v1/citizens/{id}/authorities/{authorityId}/revoke"}) {
            HAIZHU_IDS.put(endpoint, citizens);
        }
        HAIZHU_IDS.put("GET /api/v1/jobs/{id}",
                "select id::text from job where jurisdiction_path <@ '" + HAIZHU_PATH + "'::ltree limit 5");
    }

    /**
     * Citizens' own endpoints (ADR 0008) are scoped by {@code citizen_scope}, not by region: a citizen whom nobody
     * authorised must answer 404 for every person of either district (CitizenScopeIntegrationTests covers the rest).
     */
    static final Map<String, String> CITIZEN_SCOPED = Map.of("GET /api/v1/my/persons/{id}",
            "select id::text from person where residence_path <@ '440100000000.440106000000'::ltree limit 3",
            "POST /api/v1/my/persons/{id}/applications",
            "select id::text from person where residence_path <@ '440100000000.440106000000'::ltree limit 3");

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping;
    String tianhe;
    String haizhu;

    @BeforeEach
    void officers() throws Exception {
        // each officer holds every business role these endpoints admit, so that only jurisdiction can refuse
        tianhe = Api.bearer(mvc, users.create(TIANHE, Role.DISTRICT_OFFICER, Role.ASSESSOR, Role.LTC_OFFICER),
                TestUsers.PASSWORD);
        haizhu = Api.bearer(mvc, users.create(HAIZHU, Role.DISTRICT_OFFICER, Role.ASSESSOR, Role.LTC_OFFICER),
                TestUsers.PASSWORD);
    }

    @Test
    void coversEveryIdTakingEndpoint() {
        Set<String> uncovered = new TreeSet<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/v1/") || !pattern.contains("{")) {
                    continue;
                }
                for (var method : info.getMethodsCondition().getMethods()) {
                    String endpoint = method.name() + " " + pattern;
                    if (!REFERENCE.contains(endpoint) && !EMERGENCY.contains(endpoint)
                            && !pattern.startsWith(ACCOUNT_ADMINISTRATION)
                            && !HAIZHU_IDS.containsKey(endpoint) && !CITIZEN_SCOPED.containsKey(endpoint)) {
                        uncovered.add(endpoint);
                    }
                }
            }
        });
        assertThat(uncovered).as("id-taking endpoints missing from the jurisdiction matrix").isEmpty();
    }

    @Test
    void answers404ForEveryRecordOfAnotherDistrict() throws Exception {
        importAJobInHaizhu();
        requestAnAssessmentInHaizhu();
        registerAnAssessmentAgencyInHaizhu();
        takeAnApplicationInHaizhu();
        recordLtcBeneficiaryAndSettlementInHaizhu();
        registerACitizenInHaizhu();
        List<String> leaks = new ArrayList<>();
        int calls = 0;
        for (var entry : HAIZHU_IDS.entrySet()) {
            String[] endpoint = entry.getKey().split(" ", 2);
            List<String> ids = jdbc.sql(entry.getValue()).query(String.class).list();
            assertThat(ids).as("海珠 records for " + entry.getKey()).isNotEmpty();
            for (String id : ids) {
                // the record's own id goes into {id}; any further id (e.g. {consentId}) is one nobody has
                String path = endpoint[1].replace("{id}", id).replaceAll("\\{[a-zA-Z]+\\}",
                        java.util.UUID.randomUUID().toString());
                int own = statusOf(endpoint[0], path, haizhu);
                if (endpoint[0].equals("GET") && !OWNER_MAY_BE_REFUSED.contains(entry.getKey())) {
                    assertThat(own).as("the 海珠 officer reaches " + entry.getKey()).isEqualTo(200);
                }
                int other = statusOf(endpoint[0], path, tianhe);
                calls++;
                if (other != 404) {
                    leaks.add(entry.getKey() + " answered " + other);
                }
            }
        }
        assertThat(calls).isGreaterThanOrEqualTo(HAIZHU_IDS.size());
        assertThat(leaks).isEmpty();
    }

    /**
     * Provider staff are scoped by their provider, not their region (issue 3): a staff member of a provider that
     * serves nobody, placed in 海珠 itself, must reach none of 海珠's records through any id-taking endpoint (404, or
     * 403 where the role may not use the endpoint at all), and list no person.
     */
    @Test
    void aProviderStaffMemberReachesNoRecordOfAnotherProviderEvenInTheirOwnDistrict() throws Exception {
        importAJobInHaizhu();
        requestAnAssessmentInHaizhu();
        takeAnApplicationInHaizhu();
        recordLtcBeneficiaryAndSettlementInHaizhu();
        registerACitizenInHaizhu();
        String staff = Api.bearer(mvc, users.create(Role.PROVIDER_STAFF, HAIZHU), TestUsers.PASSWORD);
        List<String> leaks = new ArrayList<>();
        for (var entry : HAIZHU_IDS.entrySet()) {
            String[] endpoint = entry.getKey().split(" ", 2);
            for (String id : jdbc.sql(entry.getValue()).query(String.class).list()) {
                String path = endpoint[1].replace("{id}", id).replaceAll("\\{[a-zA-Z]+\\}",
                        java.util.UUID.randomUUID().toString());
                int answer = statusOf(endpoint[0], path, staff);
                if (answer != 404 && answer != 403) {
                    leaks.add(entry.getKey() + " answered " + answer);
                }
            }
        }
        assertThat(leaks).isEmpty();
        String body = mvc.perform(get("/api/v1/persons").param("size", "100").header("Authorization", staff))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((List<Object>) JsonPath.read(body, "$.items")).isEmpty();
        assertThat(((Number) JsonPath.read(body, "$.total")).longValue()).isZero();
        for (String list : new String[] {"/api/v1/ltc/beneficiaries", "/api/v1/ltc/settlements"}) {
            String rows = mvc.perform(get(list).header("Authorization", staff)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat((List<Object>) JsonPath.read(rows, "$")).as(list).isEmpty();
        }
    }

    @Test
    void aCitizenWhomNobodyAuthorisedReachesNoPerson() throws Exception {
        String citizen = Api.bearer(mvc, users.create(Role.CITIZEN, TIANHE), TestUsers.PASSWORD);
        List<String> leaks = new ArrayList<>();
        for (var entry : CITIZEN_SCOPED.entrySet()) {
            String[] endpoint = entry.getKey().split(" ", 2);
            List<String> ids = new ArrayList<>(jdbc.sql(entry.getValue()).query(String.class).list());
            ids.addAll(jdbc.sql("select id::text from person where residence_path <@ '" + HAIZHU_PATH
                    + "'::ltree limit 3").query(String.class).list());
            for (String id : ids) {
                int answer = statusOf(endpoint[0], endpoint[1].replace("{id}", id), citizen);
                if (answer != 404) {
                    leaks.add(entry.getKey() + " answered " + answer);
                }
            }
        }
        assertThat(leaks).isEmpty();
        String body = mvc.perform(get("/api/v1/my/persons").header("Authorization", citizen))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((List<Object>) JsonPath.read(body, "$")).isEmpty();
    }

    @Test
    void listsTheCitizenAccountsOfTheCallersDistrictOnly() throws Exception {
        registerACitizenInHaizhu();
        String tianheWorker = Api.bearer(mvc, users.create(Role.STREET_WORKER, TIANHE), TestUsers.PASSWORD);
        mvc.perform(request(HttpMethod.POST, "/api/v1/citizens").header("Authorization", tianheWorker)
                .contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"matrix-tianhe-"
                        + UUID.randomUUID().toString().substring(0, 8) + "\",\"password\":\"a matrix citizen passphrase\"}"))
                .andExpect(status().isCreated());
        long inTianhe = jdbc.sql("select count(*) from user_account where 'CITIZEN' = any(roles)"
                + " and jurisdiction_path <@ '440100000000.440106000000'").query(Long.class).single();
        String body = mvc.perform(get("/api/v1/citizens").param("size", "100").header("Authorization", tianhe))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> codes = JsonPath.read(body, "$.items[*].jurisdictionCode");
        assertThat(codes).isNotEmpty().allMatch(code -> code.startsWith("440106"));
        assertThat(((Number) JsonPath.read(body, "$.total")).longValue()).isEqualTo(inTianhe);
        assertThat(codes).hasSize((int) Math.min(100, inTianhe));
    }

    @Test
    void listsOnlyRowsOfTheCallersDistrictAndCountsThemAll() throws Exception {
        long inTianhe = jdbc.sql("select count(*) from person where residence_path <@ '440100000000.440106000000'")
                .query(Long.class).single();
        assertThat(inTianhe).isPositive();
        String body = mvc.perform(get("/api/v1/persons").param("size", "100").header("Authorization", tianhe))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> residences = JsonPath.read(body, "$.items[*].residenceRegion.code");
        assertThat(residences).isNotEmpty().allMatch(code -> code.startsWith("440106"));
        assertThat(((Number) JsonPath.read(body, "$.total")).longValue()).isEqualTo(inTianhe);
        assertThat(residences).hasSize((int) Math.min(100, inTianhe));
    }

    /** Endpoints that need more than jurisdiction even for the owner (e.g. a running break-the-glass grant). */
    static final Set<String> OWNER_MAY_BE_REFUSED = Set.of("GET /api/v1/persons/{id}/emergency-view",
            "GET /api/v1/applications/{id}/attachments/{attachmentId}",
            "POST /api/v1/persons/{id}/consents", "POST /api/v1/persons/{id}/consents/{consentId}/withdraw");

    /** A well-formed body for endpoints that take one (so that only jurisdiction can refuse them). */
    static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("/api/v1/applications/{id}/first-check", "{\"passed\":true}"),
            Map.entry("/api/v1/applications/{id}/verification", "{\"outcome\":\"CONFIRMED\"}"),
            Map.entry("/api/v1/applications/{id}/decision", "{\"items\":[]}"),
            Map.entry("/api/v1/applications/{id}/review", "{\"reason\":\"jurisdiction matrix\"}"),
            Map.entry("/api/v1/applications/{id}/review/decision", "{\"items\":[]}"),
            Map.entry("/api/v1/assessments/{id}/assignment", "{\"assessors\":[\"" + UUID.randomUUID() + "\",\""
                    + UUID.randomUUID() + "\"]}"),
            Map.entry("/api/v1/assessments/{id}/draft",
                    "{\"instrument\":\"GBT42195-2022\",\"answers\":{},\"partial\":true}"),
            Map.entry("/api/v1/assessments/{id}/submission", "{\"instrument\":\"GBT42195-2022\",\"answers\":{},"
                    + "\"partial\":true}"),
            Map.entry("/api/v1/assessments/{id}/override", "{\"level\":2,\"reason\":\"jurisdiction matrix\"}"),
            Map.entry("/api/v1/assessments/{id}/visit", "{\"at\":\"2026-01-05T02:00:00Z\",\"place\":\"HOME\","
                    + "\"present\":[{\"name\":\"matrix\",\"role\":\"ELDER\"}]}"),
            Map.entry("/api/v1/assessment-agencies/{id}/assessors/{userId}", "{\"certificateNo\":\"MATRIX\","
                    + "\"qualifiedFrom\":\"2026-01-01\",\"qualifiedTo\":\"2027-12-31\"}"),
            Map.entry("/api/v1/persons/{id}/unmask", "{\"reason\":\"jurisdiction matrix\"}"),
            Map.entry("/api/v1/persons/{id}/consents", "{\"scope\":\"PHOTO\",\"givenBy\":\"SELF\","
                    + "\"proofType\":\"FORM\",\"proofRef\":\"matrix\"}"));

    private int statusOf(String method, String path, String bearer) throws Exception {
        var call = request(HttpMethod.valueOf(method), path).header("Authorization", bearer);
        if (!method.equals("GET")) {
            String pattern = path.replaceFirst("/api/v1/(persons|assessments|applications|citizens|assessment-agencies)/"
                    + "[0-9a-f-]{36}", "/api/v1/$1/{id}").replaceFirst("/assessors/[0-9a-f-]{36}$", "/assessors/{userId}");
            call = call.contentType(MediaType.APPLICATION_JSON).content(BODIES.getOrDefault(pattern, "{}"));
        }
        return mvc.perform(call).andReturn().getResponse().getStatus();
    }

    private void requestAnAssessmentInHaizhu() throws Exception {
        String person = jdbc.sql("select id::text from person where residence_path <@ '" + HAIZHU_PATH
                + "'::ltree order by id limit 1").query(String.class).single();
        int status = mvc.perform(request(HttpMethod.POST, "/api/v1/assessments").header("Authorization", haizhu)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"personId\":\"" + person + "\",\"reason\":\"FIRST\"}"))
                .andReturn().getResponse().getStatus();
        assertThat(status).as("a 海珠 assessment request").isIn(201, 409);
    }

    private void registerAnAssessmentAgencyInHaizhu() throws Exception {
        int status = mvc.perform(request(HttpMethod.POST, "/api/v1/assessment-agencies").header("Authorization", haizhu)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"海珠评估机构\",\"creditCode\":\"" + org.yiyang.testsupport.QualifiedAssessors.creditCode()
                        + "\",\"regionCode\":\"" + HAIZHU + "\"}"))
                .andReturn().getResponse().getStatus();
        assertThat(status).as("a 海珠 assessment agency").isEqualTo(201);
    }

    private void takeAnApplicationInHaizhu() throws Exception {
        String person = jdbc.sql("select id::text from person where residence_path <@ '" + HAIZHU_PATH
                + "'::ltree and death_date is null order by id limit 1").query(String.class).single();
        int status = mvc.perform(request(HttpMethod.POST, "/api/v1/applications").header("Authorization", haizhu)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"personId\":\"" + person + "\",\"channel\":\"STREET_OFFICE\","
                        + "\"items\":[\"REGULAR_VISITS\"]}"))
                .andReturn().getResponse().getStatus();
        assertThat(status).as("a 海珠 application").isIn(201, 409);
    }

    private void recordLtcBeneficiaryAndSettlementInHaizhu() throws Exception {
        String person = jdbc.sql("select id::text from person where residence_path <@ '" + HAIZHU_PATH
                + "'::ltree order by id limit 1").query(String.class).single();
        String provider = mvc.perform(request(HttpMethod.POST, "/api/v1/ltc/designated-providers")
                        .header("Authorization", haizhu).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"海珠护理站\",\"kind\":\"CARE\",\"agreementNo\":\"MATRIX-"
                                + UUID.randomUUID() + "\",\"regionCode\":\"" + HAIZHU + "\","
                                + "\"validFrom\":\"2024-01-03\"}"))
                .andReturn().getResponse().getContentAsString();
        int status = mvc.perform(request(HttpMethod.POST, "/api/v1/ltc/beneficiaries").header("Authorization", haizhu)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personId\":\"" + person + "\",\"group\":\"LONG_TERM\",\"ltcLevel\":3,"
                                + "\"careForm\":\"INSTITUTION\",\"designatedProviderId\":\""
                                + JsonPath.read(provider, "$.id") + "\",\"validFrom\":\"2026-01-01\","
                                + "\"validTo\":\"2027-12-31\",\"disabledSince\":\"2025-03-01\"}"))
                .andReturn().getResponse().getStatus();
        assertThat(status).as("a 海珠 LTC beneficiary").isIn(201, 409);
        status = mvc.perform(request(HttpMethod.POST, "/api/v1/ltc/settlements").header("Authorization", haizhu)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"regionCode\":\"" + HAIZHU + "\",\"month\":\"2026-01\"}"))
                .andReturn().getResponse().getStatus();
        assertThat(status).as("a 海珠 LTC settlement run").isIn(200, 409);
    }

    private void registerACitizenInHaizhu() throws Exception {
        int status = mvc.perform(request(HttpMethod.POST, "/api/v1/citizens").header("Authorization", haizhu)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"matrix-citizen-" + UUID.randomUUID().toString().substring(0, 8)
                        + "\",\"password\":\"a matrix citizen passphrase\"}"))
                .andReturn().getResponse().getStatus();
        assertThat(status).as("a 海珠 citizen account").isEqualTo(201);
    }

    private void importAJobInHaizhu() throws Exception {
        var file = new MockMultipartFile("file", "empty.csv", "text/csv",
                ("idNumber,name,phone,hukouRegion,residenceRegion,address,livingArrangement,"
                        + "householdIncomePerCapitaFen,tags\n").getBytes(StandardCharsets.UTF_8));
        int status = mvc.perform(multipart("/api/v1/persons/imports").file(file).header("Authorization", haizhu)
                .accept(MediaType.APPLICATION_JSON)).andReturn().getResponse().getStatus();
        assertThat(status).as("a 海珠 import job").isEqualTo(202);
    }
}
