package org.yiyang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiyang.identity.UserAccounts;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Chromium;

/**
 * An elder at a browser: Debian's headless Chromium logs in with a citizen account linked to a 天河 resident, lands on
 * the elder's own page and sees their entitlements in plain language, masked, without JavaScript errors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CitizenPageBrowserTests {
    static final String PASSWORD = "a long citizen passphrase 2026";
    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts accounts;
    WebDriver browser;

    @BeforeEach
    void startChromium() {
        browser = Chromium.start();
    }

    @AfterEach
    void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anElderSeesTheirOwnEntitlementsAfterLogin() throws Exception {
        UUID person = jdbc.sql("""
                        select id from person where residence_path <@ '440100000000.440106000000'::ltree
                        and death_date is null and id not in (select person_id from person_account)
                        order by id limit 1
                        """).query(UUID.class).single();
        String name = jdbc.sql("select name from person where id = :id").param("id", person)
                .query(String.class).single();
        String username = "elder-" + UUID.randomUUID().toString().substring(0, 8);
        UUID user = accounts.create(username, PASSWORD, Set.of(Role.CITIZEN), "440106000000",
                "440100000000.440106000000", null, null);
        jdbc.sql("insert into person_account (user_id, person_id, linked_by, linked_at) values (:u, :p, :u, :at)")
                .param("u", user).param("p", person).param("at", Timestamp.from(Instant.now())).update();
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        browser.get(url("/?lang=zh-CN"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();

        var section = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("person-0")));
        assertThat(browser.getCurrentUrl()).endsWith("/my");
        assertThat(section.findElement(By.tagName("h2")).getText()).isEqualTo("本人：" + name);
        assertThat(section.findElements(By.cssSelector(".care-level"))).hasSize(1);
        assertThat(section.getText()).contains("照护需求评估");
        assertThat(browser.getPageSource()).doesNotContainPattern("\\d{17}[0-9X]"); // no unmasked ID number
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(Path.of("target", "screenshots", "citizen-my-page.png"),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        assertThat(Chromium.consoleErrors(browser)).as("JavaScript errors in the browser console").isEmpty();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
