package org.yiyang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiyang.platform.YiyangProperties;
import org.yiyang.testsupport.Chromium;

/**
 * The "done when", in a real browser: the demo street worker of 五山街道 takes an application for the canteen
 * diner subsidy (finds the elder, sees eligibility with its conditions, picks the item, the checklist follows),
 * passes the first check; the demo district officer verifies and grants it; the notice and the grant show.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationIntakeBrowserTests {
    static final String ITEM = "MEAL_DINER_SUBSIDY";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired YiyangProperties properties;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void startChromium() {
        browser = Chromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aStreetWorkerTakesAnApplicationAndTheDistrictGrantsIt() throws Exception {
        // an elder of the street with Guangzhou hukou, living at home, whose name is unique there and who has no
        // application yet
        String name = jdbc.sql("""
                select f.name from person_fact f
                where f.residence_path <@ (select path from region where code = '440106001000')
                  and left(f.hukou_region, 4) = '4401' and f.living_at_home and f.death_date is null
                  and f.birth_date <= current_date - interval '61 years'
                  and not exists (select 1 from application a where a.person_id = f.person_id)
                group by f.name having count(*) = 1
                order by f.name limit 1""").query(String.class).single();

        login("STREET_WORKER", "/applications/new");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("q"))).sendKeys(name);
        browser.findElement(By.id("intake-find")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#intake-found .intake-choose"))).click();

        var row = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("item-" + ITEM)));
        assertThat(browser.findElement(By.id("intake-person")).getText()).contains(name);
        assertThat(row.findElement(By.cssSelector("ul.trace")).getText()).contains("✓");
        browser.findElement(By.id("pick-" + ITEM)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("material-ID_CARD")));
        browser.findElement(By.id("intake-submit")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("first-check-pass"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("application-status")));
        String applicationUrl = browser.getCurrentUrl();
        String id = applicationUrl.substring(applicationUrl.lastIndexOf('/') + 1);
        assertThat(jdbc.sql("select status from application where id = cast(:id as uuid)").param("id", id)
                .query(String.class).single()).as("no assessment needed: on to the district").isEqualTo("VERIFICATION");
        assertThat(Chromium.consoleErrors(browser)).isEmpty();
        var logout = browser.findElement(By.cssSelector("form[action$='/logout'] button"));
        logout.click();
        wait.until(ExpectedConditions.stalenessOf(logout)); // the street worker's session has ended

        login("DISTRICT_OFFICER", applicationUrl.substring(applicationUrl.indexOf("/applications")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action$='/logout']")));
        browser.get(applicationUrl); // wherever the login landed, open the application as the district officer
        wait.until(ExpectedConditions.elementToBeClickable(By.id("verify-confirmed"))).click();
        new Select(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("decide-" + ITEM))))
                .selectByValue("GRANTED");
        browser.findElement(By.id("decide-submit")).click();

        var notice = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
        assertThat(notice.getText()).isNotBlank();
        assertThat(browser.findElement(By.id("grants")).getText()).isNotBlank();
        assertThat(browser.getPageSource()).doesNotContainPattern("\\d{17}[0-9X]");
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(Path.of("target", "screenshots", "application-decided.png"),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        assertThat(Chromium.consoleErrors(browser)).as("JavaScript errors in the browser console").isEmpty();
    }

    private void login(String role, String path) throws Exception {
        String[] account = demoAccount(role);
        browser.get("http://localhost:" + port + path);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(account[0]);
        browser.findElement(By.id("password")).sendKeys(account[1]);
        browser.findElement(By.id("login-submit")).click();
    }

    /** The demo account with the role, from the credentials file the demo city writes: {username, password}. */
    private String[] demoAccount(String role) throws Exception {
        for (String line : Files.readAllLines(properties.dataDir().resolve("demo-credentials.txt"))) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 4 && columns[2].equals(role)) {
                return new String[] {columns[0], columns[1]};
            }
        }
        throw new AssertionError("no demo account with role " + role);
    }
}
