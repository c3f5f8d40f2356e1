package org.yiyang.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiyang.assessment.internal.Assessments;
import org.yiyang.person.Gb11643;
import org.yiyang.person.NewResident;
import org.yiyang.person.PersonRegistry;
import org.yiyang.region.RegionLevel;
import org.yiyang.region.Regions;
import org.yiyang.shared.Actor;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Chromium;
import org.yiyang.testsupport.TestUsers;

/** The assessment form in a real (headless) browser: radio groups, live subtotals over htmx, submission, level. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AssessmentBrowserTests {

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired Regions regions;
    @Autowired JdbcClient jdbc;
    @Autowired PersonRegistry persons;
    @Autowired Assessments assessments;
    @Autowired org.yiyang.testsupport.QualifiedAssessors qualified;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = Chromium.start("--lang=zh-CN", "--window-size=1280,1600");
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void fillsTheFormSeesLiveSubtotalsAndTheLevel() {
        UUID agency = qualified.agency("440106000000");
        String assessor = qualified.assessor(agency, "440106000000");
        UUID id = assignedAssessment(agency, assessor, qualified.assessor(agency, "440106000000"));

        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(assessor);
        browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));

        browser.get(url("/assessments?lang=zh-CN"));
        browser.findElement(By.cssSelector("#worklist-" + id + " .assessment-form-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("assessment-form")));

        choose("B.1.1-4");
        wait.until(ExpectedConditions.textToBe(By.id("score-total"), "4"));
        choose("B.4.5-3");
        wait.until(ExpectedConditions.textToBe(By.id("score-total"), "7"));           // 4 + 3, computed on the server
        assertThat(browser.findElement(By.id("subtotal-B.4")).getText()).isEqualTo("3");

        // half the form, then a draft: saved on the server and shown again
        browser.findElement(By.id("a3-name")).sendKeys("王小明");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("a3-relation"))).selectByValue("CHILD");
        click(browser.findElement(By.id("assessment-save-draft")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("draft-saved")));
        assertThat(browser.findElement(By.id("B.1.1-4")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("score-total")).getText()).isEqualTo("7");
        assertThat(browser.findElement(By.id("a3-name")).getAttribute("value")).isEqualTo("王小明");

        // the visit, then every item
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
                browser.findElement(By.id("visit-at")), java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai"))
                        .minusHours(1).withSecond(0).withNano(0).toString());
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("visit-place"))).selectByValue("HOME");
        browser.findElement(By.id("visit-present0-name")).sendKeys("评估对象");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("visit-present0-role")))
                .selectByValue("ELDER");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("a5-A.5.1"))).selectByValue("STAGE_1");
        Map<String, Integer> answers = AssessmentTestData.sixtyFive();
        answers.forEach((code, points) -> choose(code + "-" + points));
        wait.until(ExpectedConditions.textToBe(By.id("score-total"), "65"));          // 90 − 24 − 1
        assertThat(browser.findElement(By.id("completeness")).getText()).contains("26");
        wait.until(ExpectedConditions.textToBe(By.id("live-level"), "能力中度受损（中度失能）")); // 46–65 → level 2

        click(browser.findElement(By.id("assessment-submit")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("assessment-result")));
        assertThat(browser.findElement(By.id("assessment-total")).getText()).isEqualTo("65");
        assertThat(browser.findElement(By.id("final-level")).getText()).isEqualTo("能力中度受损（中度失能）");
        assertThat(browser.findElement(By.id("report-final")).getText()).isEqualTo("能力中度受损（中度失能）");
        assertThat(browser.findElement(By.id("a3-name")).getText()).isEqualTo("王小明");
        assertThat(browser.findElement(By.id("a5-A.5.1")).getText()).isEqualTo("Ⅰ期");
        assertThat(browser.findElement(By.id("visit-present")).getText()).contains("评估对象");
    }

    private void click(org.openqa.selenium.WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** Clicks a radio button scrolled to the middle of the window (the live score stays fixed at the bottom). */
    private void choose(String id) {
        var radio = browser.findElement(By.id(id));
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", radio);
        radio.click();
    }

    private UUID assignedAssessment(UUID agency, String first, String second) {
        String street = "440106" + (900 + ThreadLocalRandom.current().nextInt(99)) // never 999: FacilityApiIntegrationTests needs 440106999000 unknown
                + "000";
        String community = street.substring(0, 9) + "203";
        regions.upsert(List.of(
                new Regions.NewRegion(street, "440106000000", RegionLevel.STREET_TOWN, "浏览器评估街道", false),
                new Regions.NewRegion(community, street, RegionLevel.COMMUNITY_VILLAGE, "浏览器评估社区", false)));
        String officerName = users.create(Role.DISTRICT_OFFICER, "440106000000");
        Actor officer = new Actor(userId(officerName), officerName, Set.of(Role.DISTRICT_OFFICER), "440106000000",
                regions.pathOf("440106000000").orElseThrow(), null);
        int n = ThreadLocalRandom.current().nextInt(5000);
        String first17 = "440106" + LocalDate.of(1943, 1, 1).plusDays(n).toString().replace("-", "")
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        UUID person = persons.register(new NewResident(first17 + Gb11643.checkCharacter(first17),
                "浏览器评估" + (char) ('甲' + n % 10),
                "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)), "440106000000",
                community, "天河路3号", "ALONE", null, null, null, true), officer).id();
        UUID id = assessments.request(person, "FIRST", null, null, officer);
        assessments.assign(id, agency, List.of(userId(first), userId(second)), List.of(), officer);
        return id;
    }

    private UUID userId(String username) {
        return jdbc.sql("select id from user_account where username = :u").param("u", username)
                .query(UUID.class).single();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
