package org.yiyang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
import org.yiyang.platform.YiyangProperties;
import org.yiyang.testsupport.Chromium;

/**
 * A person at a browser: Debian's headless Chromium logs in as the demo district officer of 天河区, searches a
 * resident of the district by name and opens the profile, without JavaScript errors on the way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResidentSearchBrowserTests {
    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired YiyangProperties properties;
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
    void districtOfficerSearchesAResidentAndOpensTheProfile() throws Exception {
        String[] officer = demoAccount("DISTRICT_OFFICER");
        String name = jdbc.sql("""
                        select name from person where residence_path <@ '440100000000.440106000000'::ltree
                        order by name limit 1
                        """).query(String.class).single();
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        browser.get(url("/persons"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(officer[0]);
        browser.findElement(By.id("password")).sendKeys(officer[1]);
        browser.findElement(By.id("login-submit")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("person-search")));
        browser.findElement(By.id("q")).sendKeys(name);
        browser.findElement(By.id("search-submit")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#persons a.person-link")));
        List<String> found = browser.findElements(By.cssSelector("#persons a.person-link")).stream()
                .map(e -> e.getText().strip()).toList();
        assertThat(found).contains(name);
        browser.findElements(By.cssSelector("#persons a.person-link")).stream()
                .filter(e -> e.getText().strip().equals(name)).findFirst().orElseThrow().click();

        var heading = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("person-name")));
        assertThat(heading.getText()).contains(name);
        assertThat(browser.getPageSource()).doesNotContainPattern("\\d{17}[0-9X]"); // no unmasked ID number
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(Path.of("target", "screenshots", "person-profile.png"),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        assertThat(Chromium.consoleErrors(browser)).as("JavaScript errors in the browser console").isEmpty();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
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
