package vn.motcua.server.archive;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.domain.dossier.Action;
import vn.motcua.domain.dossier.Channel;
import vn.motcua.domain.office.Role;
import vn.motcua.server.BrowserTest;
import vn.motcua.server.ServerTest;
import vn.motcua.server.dossier.Applicant;
import vn.motcua.server.report.GeneratedHistory;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.server.report.GeneratedHistory.DOAN_KET;
import static vn.motcua.server.report.GeneratedHistory.at;

/**
 * Headless Chromium: an archivist searches without diacritics and exports; a leader opens the dashboard and drills
 * down; an administrator adds a holiday and sees a due date move. Screenshots go to target/screenshots (desk-*.png).
 * Skips when Chromium or ChromeDriver is not installed.
 */
@ServerTest
class DeskBrowserTest extends BrowserTest {

    DeskBrowserTest() {
        super("desk");
    }

    @Autowired
    GeneratedHistory history;

    @Test
    void archivistSearchesWithoutDiacriticsAndExports() throws Exception {
        history.store("1.001193", DOAN_KET, Channel.COUNTER, at("2024-04-08T09:00"),
                new Applicant("Quách Thị Diệu Linh", "079555000111", null, null, null), List.of());
        browser.signIn(DOAN_KET + ".archivist", "test-password");
        driver.findElement(By.id("nav-archive")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("archive-form")));
        driver.findElement(By.id("q-name")).sendKeys("quach thi dieu");
        screenshot("archive-search");
        driver.findElement(By.id("archive-search")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("archive-results")));
        screenshot("archive-results");
        String page = driver.getPageSource();
        assertThat(page).contains("Quách Thị Diệu Linh").contains("*********111").doesNotContain("079555000111");
        assertThat(driver.findElement(By.id("facets")).getText()).contains("Hộ tịch");
        String csv = new String(download(driver.findElement(By.id("export-csv")).getAttribute("href")),
                StandardCharsets.UTF_8);
        assertThat(csv).contains("Quách Thị Diệu Linh").contains("*********111").doesNotContain("079555000111");
        byte[] xlsx = download(driver.findElement(By.id("export-xlsx")).getAttribute("href"));
        assertThat(new String(xlsx, 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
        browser.save("archive-export.xlsx", xlsx);
    }

    @Test
    void leaderOpensTheDashboardAndDrillsDown() throws Exception {
        history.store("1.013124", DOAN_KET, Channel.ONLINE, at("2024-04-09T09:00"),
                new Applicant("Lạc Văn Quá Hạn", "079555000222", null, null, null),
                List.of(history.act(new Action.TransferToProcessing(""), Role.RECEPTION, DOAN_KET, at("2024-04-09T10:00"))));
        browser.signIn(DOAN_KET + ".leader", "test-password");
        driver.findElement(By.id("nav-reports")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-table")));
        driver.findElement(By.id("to-dashboard")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard")));
        screenshot("dashboard");
        int overdue = Integer.parseInt(driver.findElement(By.cssSelector("#dash-overdue .n")).getText());
        assertThat(overdue).isPositive();
        driver.findElement(By.id("dash-overdue")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dossier-list")));
        screenshot("dashboard-overdue");
        assertThat(driver.findElements(By.cssSelector("#dossier-list tbody tr"))).hasSize(overdue);
        assertThat(driver.getPageSource()).contains("Lạc Văn Quá Hạn");
        // The report of April 2024 and a drill-down from its "received online" number.
        open("/reports?office=" + DOAN_KET + "&from=2024-04-01&to=2024-04-30");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-table")));
        wait.until(d -> ((JavascriptExecutor) d).executeScript(
                "return window.Chart && Chart.getChart(document.getElementById('trend-chart')) != null"));
        screenshot("report");
        var online = driver.findElement(By.cssSelector("#row-" + DOAN_KET + " .drill-RECEIVED_ONLINE"));
        int n = Integer.parseInt(online.getText());
        assertThat(n).isPositive();
        online.click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dossier-list")));
        screenshot("report-drill");
        assertThat(driver.findElements(By.cssSelector("#dossier-list tbody tr"))).hasSize(n);
    }

    @Test
    void adminAddsAHolidayAndSeesTheDueDateMove() throws Exception {
        browser.signIn("phuong-ayun-pa.admin", "test-password");
        String preview = "/admin/calendar?year=2031&procedure=1.009994&receivedAt=2031-03-03T08:00";
        open(preview);
        String before = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview-due"))).getText();
        screenshot("calendar-before");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('day-off-date').value = '2031-03-05'");
        driver.findElement(By.id("day-off-save")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("admin-saved")));
        assertThat(driver.findElement(By.cssSelector("td[data-date='2031-03-05']")).getAttribute("class")).contains("off");
        screenshot("calendar-holiday");
        try {
            open(preview);
            String after = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview-due"))).getText();
            screenshot("calendar-after");
            assertThat(after).isNotEqualTo(before);
        } finally {
            driver.findElement(By.cssSelector("#local-entries form button")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("admin-saved")));
        }
        open(preview);
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview-due"))).getText()).isEqualTo(before);
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
