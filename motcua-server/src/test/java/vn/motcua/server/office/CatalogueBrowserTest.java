package vn.motcua.server.office;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.server.BrowserTest;
import vn.motcua.server.ServerTest;
import vn.motcua.server.TestClock;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headless Chromium: an administrator creates an office and sees it in the tree, imports a procedure file and gives the
 * procedure a new version with a longer time limit. Screenshots: target/screenshots/catalogue-*.png. Skips when Chromium
 * or ChromeDriver is not installed.
 */
@ServerTest
class CatalogueBrowserTest extends BrowserTest {

    CatalogueBrowserTest() {
        super("catalogue");
    }

    @Autowired
    LiveCatalogue live;
    @Autowired
    TestClock clock;

    @Test
    void adminCreatesAnOfficeImportsAProcedureAndGivesItANewVersion() throws Exception {
        browser.signIn("gia-lai.admin", "test-password");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-admin-offices"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("office-create-form")));
        var form = driver.findElement(By.id("office-create-form"));
        form.findElement(By.name("id")).sendKeys("xa-trinh-duyet");
        form.findElement(By.name("agencyCode")).sendKeys("000.00.96.H21");
        form.findElement(By.cssSelector("select[name=parentId] option[value='gia-lai']")).click();
        form.findElement(By.name("nameVi")).sendKeys("Ủy ban nhân dân xã Trình Duyệt");
        form.findElement(By.name("nameEn")).sendKeys("People's Committee of Trinh Duyet Commune");
        driver.findElement(By.id("office-create-save")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("admin-saved")));
        browser.screenshot("office-created");
        assertThat(driver.findElement(By.cssSelector("tr[data-office='xa-trinh-duyet']")).getText())
                .contains("Ủy ban nhân dân xã Trình Duyệt", "000.00.96.H21", "đang hoạt động");

        String code = "9.900006";
        Path file = Files.createTempFile("catalogue", ".json");
        String one = new String(CatalogueJson.write(List.of(live.procedures().versions("2.000884").get(0))),
                StandardCharsets.UTF_8).replace("\"2.000884\"", "\"" + code + "\"");
        Files.writeString(file, one);
        driver.findElement(By.id("nav-admin-procedures")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("catalogue-import-form")))
                .findElement(By.name("file")).sendKeys(file.toString());
        driver.findElement(By.id("catalogue-import")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("admin-imported")));
        driver.findElement(By.linkText(code)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("version-form")));
        var time = driver.findElement(By.id("version-time"));
        time.clear();
        time.sendKeys("7");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('version-from').value = arguments[0]",
                LocalDate.now(clock).toString());
        browser.screenshot("new-version");
        driver.findElement(By.id("version-save")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("admin-saved")));
        browser.screenshot("new-version-saved");
        assertThat(driver.findElement(By.cssSelector("tr[data-procedure='" + code + " v2']")).getText())
                .contains("7 ngày làm việc", "đang áp dụng");
        assertThat(live.procedures().versionOn(code, LocalDate.now(clock)).orElseThrow().version()).isEqualTo(2);
        Files.deleteIfExists(file);
    }
}
