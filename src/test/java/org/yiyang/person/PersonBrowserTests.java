package org.yiyang.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
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
import org.yiyang.region.Regions;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Chromium;
import org.yiyang.testsupport.TestUsers;

/** The registration form and the search in a real (headless) browser: htmx, CSRF and redirects end to end. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonBrowserTests {

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired Regions regions;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = Chromium.start("--lang=zh-CN");
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void registersAResidentChecksTheIdNumberAsTypedFindsThemAgainAndImports() throws Exception {
        String community = PersonFixtures.streetWithCommunities(regions, "440106", "浏览器测试")[1];
        String user = users.create(Role.STREET_WORKER, "440106000000");
        String name = "B" + UUID.randomUUID().toString().substring(0, 6) + "老人";
        String idNumber = PersonFixtures.idNumber("440106", LocalDate.of(1948, 4, 4), true);

        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));

        browser.get(url("/persons/new"));
        String wrong = idNumber.substring(0, 17) + (idNumber.charAt(17) == '0' ? '1' : '0');
        browser.findElement(By.id("idNumber")).sendKeys(wrong);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("idNumber-invalid")));
        browser.findElement(By.id("idNumber")).clear();
        browser.findElement(By.id("idNumber")).sendKeys(idNumber);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("idNumber-valid")));
        assertThat(browser.findElement(By.id("idNumber-valid")).getText()).contains("1948-04-04");

        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("hukouRegion")).sendKeys("440106000000");
        browser.findElement(By.id("residenceRegion")).sendKeys(community);
        browser.findElement(By.id("register-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("person-name")));
        assertThat(browser.findElement(By.id("person-name")).getText()).isEqualTo(name);
        assertThat(browser.getPageSource()).doesNotContain(idNumber);

        browser.get(url("/persons"));
        browser.findElement(By.id("q")).sendKeys(idNumber);
        browser.findElement(By.id("search-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#persons a.person-link")));
        assertThat(browser.getCurrentUrl()).doesNotContain(idNumber);
        browser.findElement(By.cssSelector("#persons a.person-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("person-name")));
        assertThat(browser.findElement(By.id("person-name")).getText()).isEqualTo(name);

        Path csv = Files.createTempFile("residents", ".csv");
        Files.writeString(csv, "idNumber,name,hukouRegion,residenceRegion\n" + PersonFixtures.idNumber() + ","
                + name + "导入,440106000000," + community + "\n");
        browser.get(url("/persons/imports"));
        browser.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
        browser.findElement(By.id("import-submit")).click();
        wait.until(ExpectedConditions.urlContains("/jobs/"));
        assertThat(browser.findElement(By.id("rejections")).isDisplayed()).isTrue();
        Files.delete(csv);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
