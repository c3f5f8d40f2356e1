package org.yiyang.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyang.assessment.AssessmentCompleted;
import org.yiyang.jobs.JobStatus;
import org.yiyang.jobs.Jobs;
import org.yiyang.ltc.LtcScenario;
import org.yiyang.ltc.LtcWorld;
import org.yiyang.shared.BusinessZone;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

/**
 * The monthly service account end to end: crediting (idempotent, resumable), no carry-over, charges and every refusal,
 * the LTC double-claim check both ways, adjustment from the month after a level change, death and recovery, and the
 * provider and jurisdiction scopes.
 */
@IntegrationTest
class ServiceAccountIntegrationTests {
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired ServiceAccountWorld world;
    @Autowired LtcWorld ltcWorld;
    @Autowired ServiceAccountCrediting crediting;
    @Autowired ServiceAccountRecoveries recoveries;
    @Autowired Jobs jobs;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;

    String path;
    YearMonth now;
    String provider;
    UUID providerId;

    @BeforeEach
    void setUp() throws Exception {
        path = world.community();
        now = ServiceAccountWorld.current();
        providerId = UUID.randomUUID();
        provider = Api.bearer(mvc, ltcWorld.providerStaff(LtcWorld.TIANHE, providerId), TestUsers.PASSWORD);
    }

    @Test
    void creditingIsIdempotentAndAResumedRunFinishesWhatADeadOneStarted() {
        YearMonth month = now.minusMonths(6);
        List<UUID> people = List.of(world.grantee(path, month), world.grantee(path, month),
                world.grantee(path, month));
        // a run that dies after one person: the month is credited for at most that one, the job stays RUNNING
        var partial = crediting.run(month, 1, 1);
        assertThat(partial.complete()).isFalse();
        assertThat(partial.accounts()).isEqualTo(1);
        assertThat(jobs.find(partial.jobId()).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
        var resumed = crediting.credit(month);
        assertThat(resumed.complete()).isTrue();
        for (UUID p : people) {
            assertThat(world.sum(p, month, "CREDIT")).as("credited once").isEqualTo(40_000);
        }
        long before = people.stream().mapToLong(world::entries).sum();
        var rerun = crediting.credit(month);
        assertThat(rerun.accounts()).isZero();
        assertThat(rerun.credits()).isZero();
        assertThat(people.stream().mapToLong(world::entries).sum()).isEqualTo(before);
        // a month before the grant is not credited
        crediting.credit(month.minusMonths(1));
        assertThat(world.sum(people.get(0), month.minusMonths(1))).isZero();
    }

    @Test
    void theBalanceOfAMonthExpiresAtItsEndAndIsNotCarriedOver() {
        YearMonth first = now.minusMonths(5);
        UUID p = world.grantee(path, first);
        crediting.credit(first);
        // 100 元 spent, 300 元 left
        jdbc.sql("""
                insert into account_entry (id, person_id, month, residence_path, kind, amount_fen, item_code,
                                           entry_date, provider_id, service_date, quantity)
                values (gen_random_uuid(), :p, :m, cast(:path as ltree), 'CHARGE', -10000, 'GZ-HOME-CLEANING', :m,
                        gen_random_uuid(), :m, 1)
                """).param("p", p).param("m", first.atDay(1)).param("path", path).update();
        crediting.credit(first.plusMonths(1));
        assertThat(world.sum(p, first, "EXPIRY")).isEqualTo(-30_000);
        assertThat(world.sum(p, first)).as("a closed month sums to zero").isZero();
        assertThat(world.sum(p, first.plusMonths(1))).as("the next month starts afresh").isEqualTo(40_000);
        crediting.credit(first.plusMonths(2));
        assertThat(world.sum(p, first, "EXPIRY")).as("expired once").isEqualTo(-30_000);
    }

    @Test
    void theLedgerAlwaysAddsUpWhateverIsChargedOrRefused() throws Exception {
        UUID p = world.grantee(path, now);
        crediting.credit(now);
        Random random = new Random(20261128);
        String[] items = {"GZ-HOME-CLEANING", "GZ-MEAL-HELP", "GZ-ESCORT", "GZ-BATHING", "GZ-GOODS"};
        long charged = 0;
        int today = LocalDate.now(BusinessZone.ZONE).getDayOfMonth();
        for (int i = 0; i < 25; i++) {
            long fen = 1 + random.nextInt(9_000);
            String day = now.atDay(1 + random.nextInt(today)).toString();
            String item = items[random.nextInt(items.length)];
            int status = charge(p, now.toString(), day, item, fen);
            long balance = world.sum(p, now);
            if (status == 201) {
                charged += fen;
            } else {
                assertThat(status).isEqualTo(422);
            }
            assertThat(balance).as("credits − charges").isEqualTo(40_000 - charged).isNotNegative();
            assertThat(world.sum(p, now, "CHARGE")).isEqualTo(-charged);
        }
        assertThat(charged).isPositive();
        String body = mvc.perform(get("/api/v1/service-account/balance").param("personId", p.toString())
                        .param("month", now.toString()).header("Authorization", provider))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(((Number) JsonPath.read(body, "$.balanceFen")).longValue()).isEqualTo(40_000 - charged);
    }

    @Test
    void refusesEveryChargeTheRulesForbidWithItsReasonAndChangesNothing() throws Exception {
        UUID p = world.grantee(path, now.minusMonths(1));
        crediting.credit(now.minusMonths(1));
        crediting.credit(now);
        String day = now.atDay(1).toString();
        long entries = world.entries(p);
        refused(p, now.toString(), day, "GZ-CASH-OUT", 100, "itemCode", "ACCOUNT_NOT_A_SERVICE");
        refused(p, now.toString(), day, "GZ-GOODS", 100, "itemCode", "ACCOUNT_NOT_A_SERVICE");
        refused(p, now.toString(), day, "GZ-MEDICAL-FEE", 100, "itemCode", "ACCOUNT_NOT_A_SERVICE");
        refused(p, now.toString(), day, "NOPE", 100, "itemCode", "ACCOUNT_SERVICE_UNKNOWN");
        refused(p, now.toString(), day, "GZ-HOME-CLEANING", 40_001, "amountFen", "ACCOUNT_BALANCE_EXCEEDED");
        refused(p, now.toString(), now.minusMonths(1).atEndOfMonth().toString(), "GZ-HOME-CLEANING", 100,
                "serviceDate", "ACCOUNT_OUTSIDE_MONTH");
        refused(p, now.toString(), LocalDate.now(BusinessZone.ZONE).plusDays(1).toString(), "GZ-HOME-CLEANING", 100,
                "serviceDate", "ACCOUNT_SERVICE_DATE_IN_FUTURE");
        refused(p, now.minusMonths(1).toString(), now.minusMonths(1).atDay(1).toString(), "GZ-HOME-CLEANING", 100,
                "month", "ACCOUNT_MONTH_CLOSED");
        refused(p, now.plusMonths(1).toString(), now.plusMonths(1).atDay(1).toString(), "GZ-HOME-CLEANING", 100,
                "month", "ACCOUNT_NO_ACCOUNT_FOR_MONTH");
        // every problem at once
        mvc.perform(post("/api/v1/service-account/charges").header("Authorization", provider)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"personId":"%s","month":"%s","serviceDate":"%s","itemCode":"GZ-CASH-OUT",
                                 "quantity":1,"amountFen":99999999}""".formatted(p, now, day)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[?(@.field=='itemCode')].code").value("ACCOUNT_NOT_A_SERVICE"))
                .andExpect(jsonPath("$.errors[?(@.field=='amountFen')].code").value("ACCOUNT_BALANCE_EXCEEDED"));
        assertThat(world.entries(p)).as("nothing written").isEqualTo(entries);
        assertThat(charge(p, now.toString(), day, "GZ-HOME-CLEANING", 5_000)).isEqualTo(201);
        refused(p, now.toString(), day, "GZ-HOME-CLEANING", 100, "itemCode", "ACCOUNT_ALREADY_CHARGED");
        // the person dies the day before the month: a service in the month is after the death
        jdbc.sql("update person set death_date = :d where id = :p").param("d", now.atDay(1).minusDays(1))
                .param("p", p).update();
        refused(p, now.toString(), day, "GZ-MEAL-HELP", 100, "serviceDate", "ACCOUNT_PERSON_DEAD");
    }

    @Test
    void theSameServiceIsNeverPaidTwiceByLtcAndTheAccount() throws Exception {
        var s = new LtcScenario(mvc, users, ltcWorld);
        String b = s.beneficiary("EMPLOYEE", "LONG_TERM", 3, "HOME", "2029-12-31");
        s.send(s.staff, "/api/v1/ltc/beneficiaries/" + b + "/care-plans", """
                {"startOn":"2026-01-01","endOn":"2029-12-31","dailyVisits":true,"minutesPerVisit":60,
                 "items":[{"code":"SAMPLE-LC-001","timesPerMonth":31},{"code":"SAMPLE-LC-002","timesPerMonth":31}]}""");
        UUID person = jdbc.sql("select person_id from ltc_beneficiary where id = cast(:b as uuid)").param("b", b)
                .query(UUID.class).single();
        String personPath = jdbc.sql("select residence_path::text from person where id = :p").param("p", person)
                .query(String.class).single();
        jdbc.sql("update person set birth_date = date '1936-03-01' where id = :p").param("p", person).update();
        world.assessment(person, personPath, 2, now.atDay(1).minusMonths(2), now.atDay(1).plusYears(1),
                "EFFECTIVE");
        world.grant(person, personPath, "COMMUNITY_SUBSIDY_1", 40_000, now);
        crediting.credit(now);
        String day = now.atDay(1).toString();
        String prefix = "SA-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        String ltc = s.submit(List.of(LtcScenario.visit(prefix + "1", b, day, prefix, "CARER", 1, 60,
                LtcScenario.HOME_LAT, LtcScenario.item("SAMPLE-LC-001", 1))));
        assertThat(JsonPath.<String>read(ltc, "$.results[0].outcome")).isEqualTo("ACCEPTED");
        // LTC paid it: the account refuses the same service on the same day
        String providerHere = Api.bearer(mvc, ltcWorld.providerStaff(LtcWorld.TIANHE, providerId),
                TestUsers.PASSWORD);
        provider = providerHere;
        refused(person, now.toString(), day, "SAMPLE-LC-001", 3_000, "itemCode", "ACCOUNT_PAID_BY_LTC");
        // the account paid another service: LTC refuses it for that day
        assertThat(charge(person, now.toString(), day, "SAMPLE-LC-002", 5_000)).isEqualTo(201);
        String second = s.submit(List.of(LtcScenario.visit(prefix + "2", b, day, prefix, "CARER", 5, 60,
                LtcScenario.HOME_LAT, LtcScenario.item("SAMPLE-LC-002", 1))));
        assertThat(JsonPath.<String>read(second, "$.results[0].outcome")).isEqualTo("REJECTED");
        assertThat(JsonPath.<List<String>>read(second, "$.results[0].reasons")).contains("PAID_BY_SERVICE_ACCOUNT");
    }

    @Test
    void aLevelChangeAdjustsTheAccountFromTheNextMonthAndThePageExplainsIt() throws Exception {
        YearMonth m0 = now.minusMonths(2);
        UUID p = world.elder(path);
        LocalDate change = m0.atDay(15);
        world.assessment(p, path, 2, m0.atDay(1).minusMonths(3), change.minusDays(1), "SUPERSEDED");
        world.assessment(p, path, 3, change, change.plusYears(1), "EFFECTIVE");
        world.grant(p, path, "COMMUNITY_SUBSIDY_1", 40_000, m0);
        crediting.credit(m0);
        assertThat(world.sum(p, m0, "CREDIT")).as("the month of the change keeps its amount").isEqualTo(40_000);
        transactions.executeWithoutResult(t -> events.publishEvent(new AssessmentCompleted(UUID.randomUUID(), p)));
        crediting.credit(m0.plusMonths(1));
        assertThat(world.sum(p, m0.plusMonths(1), "CREDIT")).as("+200 元 severe supplement").isEqualTo(60_000);
        var adjustment = jdbc.sql("select item_code, previous_fen, new_fen, reason from account_adjustment"
                        + " where person_id = :p and month = :m")
                .param("p", p).param("m", m0.plusMonths(1).atDay(1))
                .query((rs, n) -> List.of(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4))).list();
        assertThat(adjustment).containsExactly(List.of("COMMUNITY_SUBSIDY_SEVERE", 0L, 20_000L, "NOW_ELIGIBLE"));
        assertThat(jdbc.sql("select count(*) from account_adjustment where person_id = :p and month = :m")
                .param("p", p).param("m", m0.atDay(1)).query(Long.class).single()).isZero();
        // the event was noted for the page (after its commit, asynchronously)
        long deadline = System.currentTimeMillis() + 15_000;
        long notices = 0;
        while (notices == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            notices = jdbc.sql("select count(*) from account_change_notice where person_id = :p"
                    + " and cause = 'ASSESSMENT_COMPLETED'").param("p", p).query(Long.class).single();
        }
        assertThat(notices).isEqualTo(1);
        String officer = users.create(Role.STREET_WORKER, LtcWorld.TIANHE);
        var session = Api.login(mvc, officer, TestUsers.PASSWORD);
        String page = mvc.perform(get("/persons/" + p + "/account").session(session).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-reason=\"NOW_ELIGIBLE\"").contains("Severe-disability supplement")
                .contains("data-cause=\"ASSESSMENT_COMPLETED\"");
        String zh = mvc.perform(get("/persons/" + p + "/account").session(session).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("重度失能护理资助").contains("本月起符合条件");
        String api = mvc.perform(get("/api/v1/persons/" + p + "/account")
                        .header("Authorization", Api.bearer(mvc, officer, TestUsers.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(api, "$.months[*].month"))
                .containsExactly(m0.plusMonths(1).toString(), m0.toString());
    }

    @Test
    void aDeathStopsCreditsAndRecoversTheCreditForTheDaysAfterIt() throws Exception {
        YearMonth previous = now.minusMonths(1);
        UUID p = world.grantee(path, previous);
        crediting.credit(previous);
        crediting.credit(now);
        // the death on the 10th of last month arrives late, by a deaths roster
        LocalDate death = previous.atDay(10);
        // (the deaths roster itself is RosterIntegrationTests): the death recorded and its event raised
        jdbc.sql("update person set death_date = :d where id = :p").param("d", death).param("p", p).update();
        transactions.executeWithoutResult(t -> events.publishEvent(new org.yiyang.person.PersonDied(p, death)));
        long deadline = System.currentTimeMillis() + 15_000;
        while (world.sum(p, now, "RECOVERY") == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        long lengthOfPrevious = previous.lengthOfMonth();
        long expected = Math.round(40_000.0 * (lengthOfPrevious - 10) / lengthOfPrevious);
        assertThat(world.sum(p, previous, "RECOVERY")).isEqualTo(-expected);
        assertThat(world.sum(p, now, "RECOVERY")).as("a month after the death in full").isEqualTo(-40_000);
        // rerunning changes nothing; the grant has ended on the day of death (after the event)
        recoveries.recover(null, LocalDate.now(BusinessZone.ZONE));
        assertThat(world.sum(p, previous, "RECOVERY")).isEqualTo(-expected);
        deadline = System.currentTimeMillis() + 15_000;
        LocalDate ended = null;
        while (ended == null && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            ended = jdbc.sql("select valid_to from application_grant where person_id = :p").param("p", p)
                    .query(LocalDate.class).single();
        }
        assertThat(ended).isEqualTo(death);
        crediting.credit(now.plusMonths(0));
        assertThat(world.sum(p, now, "CREDIT")).as("not credited again").isEqualTo(40_000);
    }

    @Test
    void providersSeeOnlyTheirOwnChargesAndNobodyOutsideTheirArea() throws Exception {
        UUID p = world.grantee(path, now);
        crediting.credit(now);
        String day = now.atDay(1).toString();
        assertThat(charge(p, now.toString(), day, "GZ-MEAL-HELP", 1_000)).isEqualTo(201);
        String other = Api.bearer(mvc, ltcWorld.providerStaff(LtcWorld.TIANHE, UUID.randomUUID()),
                TestUsers.PASSWORD);
        String mine = mvc.perform(get("/api/v1/service-account/charges").param("month", now.toString())
                .header("Authorization", provider)).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(mine, "$[*].personId")).containsExactly(p.toString());
        String theirs = mvc.perform(get("/api/v1/service-account/charges").param("month", now.toString())
                .header("Authorization", other)).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(theirs, "$[*].personId")).doesNotContain(p.toString());
        // a provider of 海珠 does not find a 天河 account
        String haizhu = Api.bearer(mvc, ltcWorld.providerStaff(LtcWorld.HAIZHU, providerId), TestUsers.PASSWORD);
        mvc.perform(get("/api/v1/service-account/balance").param("personId", p.toString())
                        .param("month", now.toString()).header("Authorization", haizhu))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/service-account/charges").header("Authorization", haizhu)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"personId":"%s","month":"%s","serviceDate":"%s","itemCode":"GZ-ESCORT",
                                 "quantity":1,"amountFen":100}""".formatted(p, now, day)))
                .andExpect(status().isNotFound());
        // case workers read the ledger; providers do not
        mvc.perform(get("/api/v1/persons/" + p + "/account").header("Authorization", provider))
                .andExpect(status().isForbidden());
        // the provider's page records a service and shows the balance
        var session = Api.login(mvc, ltcWorld.providerStaff(LtcWorld.TIANHE, providerId), TestUsers.PASSWORD);
        String page = mvc.perform(post("/service-account/charges").session(session)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .csrf())
                        .header("Accept-Language", "en").param("personId", p.toString())
                        .param("month", now.toString()).param("serviceDate", day).param("itemCode", "GZ-ESCORT")
                        .param("quantity", "1").param("amount", "20.50"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"charged\"").contains("balance 369.50");
        String refused = mvc.perform(post("/service-account/charges").session(session)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .csrf())
                        .header("Accept-Language", "en").param("personId", p.toString())
                        .param("month", now.toString()).param("serviceDate", day).param("itemCode", "GZ-CASH-OUT")
                        .param("quantity", "1").param("amount", "1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("The account pays only for services");
    }

    private int charge(UUID person, String month, String day, String item, long fen) throws Exception {
        return mvc.perform(post("/api/v1/service-account/charges").header("Authorization", provider)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"personId":"%s","month":"%s","serviceDate":"%s","itemCode":"%s",
                                 "quantity":1,"amountFen":%d}""".formatted(person, month, day, item, fen)))
                .andReturn().getResponse().getStatus();
    }

    private void refused(UUID person, String month, String day, String item, long fen, String field, String code)
            throws Exception {
        mvc.perform(post("/api/v1/service-account/charges").header("Authorization", provider)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"personId":"%s","month":"%s","serviceDate":"%s","itemCode":"%s",
                                 "quantity":1,"amountFen":%d}""".formatted(person, month, day, item, fen)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[?(@.field=='" + field + "')].code").value(
                        org.hamcrest.Matchers.hasItem(code)));
    }
}
