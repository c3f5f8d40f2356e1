package org.yiyang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
import org.yiyang.ltc.LtcWorld;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Chromium;
import org.yiyang.testsupport.TestUsers;

/**
 * A street office and a family at a browser: a street worker opens the citizen accounts from the menu, registers a
 * daughter's account linked to her resident record, records that her mother authorised her as family, and the daughter
 * then logs in and sees her mother on her own page as her family member — in headless Chromium, no console errors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CitizenAccountBrowserTests {
    static final String PASSWORD = "a long citizen passphrase 2026";
    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired TestUsers users;
    @Autowired LtcWorld world;
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
    void aStreetWorkerRegistersADaughterWhoThenActsForHerMother() throws Exception {
        LtcWorld.Resident daughter = world.resident(LtcWorld.TIANHE);
        LtcWorld.Resident mother = world.resident(LtcWorld.TIANHE);
        String motherName = jdbc.sql("select name from person where id = :id").param("id", mother.id())
                .query(String.class).single();
        String username = "daughter-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        login(users.create(Role.STREET_WORKER, LtcWorld.TIANHE), TestUsers.PASSWORD);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("nav a[href$='/citizens']"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("citizen-form")));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("displayName")).sendKeys("陈女士");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("personIdNumber")).sendKeys(daughter.idNumber());
        browser.findElement(By.cssSelector("#citizen-form button[type=submit]")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("citizen-person")));
        assertThat(browser.getCurrentUrl()).matches(".*/citizens/[0-9a-f-]{36}");
        browser.findElement(By.id("personIdNumber")).sendKeys(mother.idNumber());
        new Select(browser.findElement(By.id("relation"))).selectByValue("FAMILY");
        new Select(browser.findElement(By.id("givenBy"))).selectByValue("SELF");
        browser.findElement(By.id("proofType")).sendKeys("POWER_OF_ATTORNEY");
        browser.findElement(By.id("proofRef")).sendKeys("TH-" + username);
        // a date input takes keystrokes in the browser's locale order; set the ISO value the form posts instead
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                browser.findElement(By.id("validTo")), today.plusYears(1).toString());
        browser.findElement(By.id("grant-submit")).click();

        var status = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.authority")));
        assertThat(status.getText()).contains("家属", "有效", "POWER_OF_ATTORNEY");
        assertThat(browser.getPageSource()).doesNotContainPattern("\\d{17}[0-9X]");
        assertThat(Chromium.consoleErrors(browser)).isEmpty();
        var logout = browser.findElement(By.cssSelector("form[action$='/logout'] button"));
        logout.click();
        wait.until(ExpectedConditions.stalenessOf(logout));

        // the daughter changes the password the street office gave her at first login; here it is taken as changed
        jdbc.sql("update user_account set must_change_password = false where username = :u").param("u", username)
                .update();
        login(username, PASSWORD);
        var acting = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("person-1")));
        assertThat(browser.getCurrentUrl()).endsWith("/my");
        assertThat(acting.getText()).contains("代为办理：" + motherName, "家属代办");
        assertThat(browser.getPageSource()).doesNotContainPattern("\\d{17}[0-9X]");
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(Path.of("target", "screenshots", "citizen-account-family.png"),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        assertThat(Chromium.consoleErrors(browser)).as("JavaScript errors in the browser console").isEmpty();
    }

    private void login(String username, String password) {
        browser.get("http://localhost:" + port + "/?lang=zh-CN");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
    }
}
