package vn.motcua.server.satisfaction;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.domain.dossier.Action;
import vn.motcua.domain.dossier.Channel;
import vn.motcua.domain.office.Role;
import vn.motcua.server.BrowserTest;
import vn.motcua.server.ServerTest;
import vn.motcua.server.dossier.Applicant;
import vn.motcua.server.report.GeneratedHistory;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.server.report.GeneratedHistory.DOAN_KET;

/**
 * Headless Chromium: a citizen rates a returned dossier on the lookup page (real form, real CSRF token), first with wrong
 * digits, then right; a reception officer records a counter rating on the dossier page; the leader drills into the
 * ratings from the dashboard. Screenshots {@code target/screenshots/rating-*.png}. Skipped with a message without
 * Debian chromium and chromium-driver.
 */
@ServerTest
class SatisfactionBrowserTest extends BrowserTest {

    SatisfactionBrowserTest() {
        super("rating");
    }

    @Autowired
    GeneratedHistory history;
    @Autowired
    JdbcClient jdbc;

    long returned(String receivedAt, String phone) {
        Instant t = GeneratedHistory.at(receivedAt);
        return history.store("1.001193", DOAN_KET, Channel.COUNTER, t,
                new Applicant("Mai Xuân Thưởng", "079300009999", phone, "Thôn 2, xã Ia Sao", null), List.of(
                        history.act(new Action.TransferToProcessing(""), Role.RECEPTION, DOAN_KET, t.plusSeconds(600)),
                        history.act(new Action.SubmitForApproval(""), Role.SPECIALIST, DOAN_KET, t.plusSeconds(1200)),
                        history.act(new Action.Approve(""), Role.LEADER, DOAN_KET, t.plusSeconds(1800)),
                        history.act(new Action.SignResult(""), Role.LEADER, DOAN_KET, t.plusSeconds(2400)),
                        history.act(new Action.ReturnResult(Channel.COUNTER, ""), Role.RECEPTION, DOAN_KET,
                                t.plusSeconds(3000))));
    }

    String code(long id) {
        return jdbc.sql("select code from dossier where id = ?").param(id).query(String.class).single();
    }

    @Test
    void aCitizenRatesOnTheLookupPageAndReceptionAtTheCounter() throws Exception {
        long online = returned("2022-12-20T08:30", "0914007321");
        browser.open("/lookup?lang=vi&code=" + code(online));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rating-form")));
        browser.screenshot("lookup-form");
        driver.findElement(By.cssSelector("#rating-form input[value='DISSATISFIED']")).click();
        driver.findElement(By.name("check")).sendKeys("1111");
        driver.findElement(By.name("comment")).sendKeys("Phải chờ <b>lâu</b>");
        driver.findElement(By.cssSelector("#rating-form button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rating-error")));
        assertThat(driver.findElement(By.id("rating-error")).getText()).contains("không khớp");
        // The answer and the comment are kept, the digits are not.
        assertThat(driver.findElement(By.name("check")).getAttribute("value")).isEmpty();
        assertThat(driver.findElement(By.name("comment")).getAttribute("value")).isEqualTo("Phải chờ <b>lâu</b>");
        assertThat(driver.findElement(By.cssSelector("#rating-form input[value='DISSATISFIED']")).isSelected()).isTrue();
        browser.screenshot("lookup-wrong-digits");
        driver.findElement(By.name("check")).sendKeys("7321");
        driver.findElement(By.cssSelector("#rating-form button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rating-thanks")));
        assertThat(driver.findElements(By.id("rating-form"))).isEmpty();
        assertThat(driver.getPageSource()).doesNotContain("Phải chờ").doesNotContain("0914007321");
        browser.screenshot("lookup-thanks");

        long counter = returned("2022-12-20T09:30", null);
        browser.signIn(DOAN_KET + ".reception", "test-password");
        browser.open("/dossiers/" + counter + "?lang=vi");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("satisfaction")));
        driver.findElement(By.cssSelector("#satisfaction input[value='SATISFIED']")).click();
        driver.findElement(By.cssSelector("#satisfaction button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rating-given")));
        assertThat(driver.findElement(By.id("rating-given")).getText()).contains("Hài lòng").contains("tại quầy");
        browser.screenshot("dossier-counter-rating");

        driver.manage().deleteAllCookies();
        browser.signIn(DOAN_KET + ".leader", "test-password");
        browser.open("/reports/dashboard?lang=vi");
        driver.findElement(By.id("dash-satisfaction")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dossier-list")));
        String list = driver.findElement(By.id("dossier-list")).getText();
        assertThat(list).contains(code(online)).contains(code(counter)).contains("Không hài lòng")
                .contains("Phải chờ <b>lâu</b>");
        browser.screenshot("leader-drill");
    }
}
