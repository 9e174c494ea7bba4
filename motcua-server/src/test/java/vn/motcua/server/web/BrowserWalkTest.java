package vn.motcua.server.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import vn.motcua.server.BrowserTest;
import vn.motcua.server.Desk;
import vn.motcua.server.ServerTest;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole walk in a real headless Chromium: a ward reception officer receives a dossier with two files and prints
 * Form 01; a specialist forwards it to the province's land office; the province processes it, its leader approves and
 * signs; it is sent back; the ward returns the result; the citizen looks it up. A screenshot of every page goes to
 * target/screenshots. Skips when Chromium or ChromeDriver is not installed.
 */
@ServerTest
class BrowserWalkTest extends BrowserTest {

    static final String WARD = "phuong-ayun-pa";
    static final String LAND = "gia-lai-land";

    BrowserWalkTest() {
        super("walk");
    }

    @Test
    void receptionToReturnedResultAcrossTwoOffices() throws Exception {
        Path declaration = Files.createTempFile("don-dang-ky", ".pdf");
        Files.write(declaration, Desk.PDF);
        Path contract = Files.createTempFile("hop-dong", ".pdf");
        Files.write(contract, Desk.PDF);

        login(WARD + ".reception");
        open("/reception");
        driver.findElement(By.id("procedure-search")).sendKeys("bien dong");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.className("procedure-choice"), 1));
        screenshot("reception-search");
        driver.findElement(By.className("procedure-choice")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reception-form")));
        driver.findElement(By.id("applicantName")).sendKeys("Trần Thị Bình <script>alert(1)</script>");
        driver.findElement(By.id("applicantIdNumber")).sendKeys("064187000123");
        driver.findElement(By.id("applicantPhone")).sendKeys("0912345678");
        driver.findElement(By.id("applicantAddress")).sendKeys("Tổ 3, phường Ayun Pa");
        driver.findElement(By.id("file-application")).sendKeys(declaration.toString());
        driver.findElement(By.id("file-contract")).sendKeys(contract.toString());
        driver.findElement(By.id("provided-certificate")).click();
        driver.findElement(By.id("provided-tax-declaration")).click();
        screenshot("reception-form");
        driver.findElement(By.id("reception-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dossier-code")));
        String code = driver.findElement(By.id("dossier-code")).getText();
        assertThat(code).startsWith("000.00.41.H21-");
        assertThat(driver.findElements(By.cssSelector("#documents tbody tr"))).hasSize(2);
        // The applicant's name is shown as text, never run as script.
        assertThat(driver.getPageSource()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        screenshot("received");
        String form01 = driver.findElement(By.id("slip-01")).getAttribute("href");
        byte[] pdf = download(form01);
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        browser.save("form01.pdf", pdf);
        String dossierUrl = driver.getCurrentUrl();

        act("transfer-to-processing");
        logout();

        login(WARD + ".specialist");
        driver.get(dossierUrl);
        new Select(driver.findElement(By.cssSelector("#action-forward select[name=toOfficeId]"))).selectByValue(LAND);
        act("forward");
        assertThat(state()).isEqualTo("Đã chuyển liên thông");
        logout();

        login(LAND + ".specialist");
        open("/");
        screenshot("province-worklist");
        driver.findElement(By.linkText(code)).click();
        act("accept-forwarded");
        act("submit-for-approval");
        logout();

        login(LAND + ".leader");
        driver.get(dossierUrl);
        act("approve");
        open("/sign");
        screenshot("sign");
        driver.findElement(By.className("sign-button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.className("result-code")));
        assertThat(driver.findElement(By.className("result-code")).getText()).isEqualTo(code + "-KQ1");
        screenshot("signed");
        logout();

        login(LAND + ".specialist");
        driver.get(dossierUrl);
        act("send-back");
        logout();

        login(WARD + ".reception");
        driver.get(dossierUrl);
        act("receive-back");
        act("return-result");
        String returned = state();
        assertThat(returned).isEqualTo("Đã trả kết quả");
        screenshot("returned");
        assertThat(driver.findElements(By.cssSelector("#timeline tbody tr"))).hasSize(10);
        logout();

        open("/lookup?code=" + code);
        assertThat(driver.findElement(By.id("lookup-state")).getText()).isEqualTo(returned);
        assertThat(driver.getPageSource()).doesNotContain("064187000123").doesNotContain("Trần Thị Bình");
        screenshot("public-lookup");
        open("/lookup?code=" + code + "&lang=en");
        screenshot("public-lookup-en");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Look up a dossier");
    }

    private void login(String username) throws Exception {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("test-password");
        if (browser.screenshots() == 0) {
            screenshot("login");
        }
        driver.findElement(By.id("login-submit")).click();
        try {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-home")));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("login-failed");
            throw new AssertionError("login as " + username + " failed at " + driver.getCurrentUrl(), e);
        }
    }

    private void logout() {
        driver.findElement(By.cssSelector("form.logout button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-submit")));
    }

    private void act(String action) throws Exception {
        WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("action-" + action)));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
        screenshot(action);
    }

    private String state() {
        return driver.findElement(By.id("dossier-state")).getText();
    }

    private void open(String path) {
        browser.open(path);
    }

    private byte[] download(String url) throws Exception {
        return browser.download(url);
    }

    private void screenshot(String name) throws Exception {
        browser.screenshot(name);
    }
}
