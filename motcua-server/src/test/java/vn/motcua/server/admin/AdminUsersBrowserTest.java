package vn.motcua.server.admin;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.domain.office.Role;
import vn.motcua.server.BrowserTest;
import vn.motcua.server.ServerTest;
import vn.motcua.server.security.UserDirectory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headless Chromium: an administrator creates an account on the accounts page, signs out, and the new officer signs in;
 * then the administrator uploads a CA certificate on the trust-list page (multipart form with its CSRF field) and removes
 * it after the confirmation dialog. Screenshots: target/screenshots/admin-*.png. Skips without Chromium.
 */
@ServerTest
class AdminUsersBrowserTest extends BrowserTest {

    AdminUsersBrowserTest() {
        super("admin");
    }

    @Autowired
    UserDirectory users;
    @Autowired
    Clock clock;

    @Test
    void anAdministratorCreatesAnAccountAndTheNewOfficerSignsIn() throws Exception {
        String username = "usr-browser." + Long.toString(System.nanoTime() % 1_000_000, 36);
        String password = "Pleiku-ward-2026";
        browser.signIn("phuong-ayun-pa.admin", "test-password");
        driver.findElement(By.id("nav-admin-users")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("create-user")));
        driver.findElement(By.id("new-username")).sendKeys(username);
        driver.findElement(By.id("new-display-name")).sendKeys("Rơ Mah Hyen");
        new Select(driver.findElement(By.id("new-office"))).selectByValue("phuong-ayun-pa");
        driver.findElement(By.id("new-role-RECEPTION")).click();
        driver.findElement(By.id("new-password")).sendKeys(password);
        browser.screenshot("create-user");
        driver.findElement(By.id("create-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("admin-saved")));
        assertThat(driver.findElement(By.id("user-" + username)).getText()).contains("Rơ Mah Hyen");
        browser.screenshot("user-created");
        assertThat(users.find(username).orElseThrow().roles()).containsExactly(Role.RECEPTION);

        driver.findElement(By.cssSelector("form.logout button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-submit")));
        browser.signIn(username, password);
        assertThat(driver.findElement(By.cssSelector(".who")).getText()).isEqualTo(username);
        assertThat(driver.findElements(By.id("nav-reception"))).hasSize(1);
        assertThat(driver.findElements(By.id("nav-admin-users"))).isEmpty();
        browser.screenshot("new-user-signed-in");
    }

    @Test
    void anAdministratorUploadsAndRemovesACaCertificate() throws Exception {
        TrustPageTest.Cert ca = TrustPageTest.certificate("usr-browser-ca", clock.instant().plus(Duration.ofDays(20)), true);
        Path file = Files.createTempFile("usr-browser-ca", ".pem");
        Files.write(file, ca.pem());
        browser.signIn("phuong-ayun-pa.admin", "test-password");
        driver.findElement(By.id("nav-admin-trust")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("trust-upload")));
        driver.findElement(By.id("certificate")).sendKeys(file.toString());
        driver.findElement(By.id("trust-add")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("admin-saved")));
        var row = driver.findElement(By.xpath("//tr[td[contains(., 'usr-browser-ca')]]"));
        assertThat(row.getText()).contains("sắp hết hạn");
        browser.screenshot("trust-uploaded");
        row.findElement(By.cssSelector("button")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("admin-saved")));
        assertThat(driver.getPageSource()).doesNotContain("usr-browser-ca");
        Files.delete(file);
    }
}
