package vn.motcua.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A test that drives headless Chromium against the test server: one browser per test method, its screenshots named
 * with the subclass's prefix, closed after the test. Skips with a message when Chromium is not installed.
 */
public abstract class BrowserTest {

    private final String screenshotPrefix;

    @LocalServerPort
    protected int port;
    protected HeadlessBrowser browser;
    protected WebDriver driver;
    protected WebDriverWait wait;

    protected BrowserTest(String screenshotPrefix) {
        this.screenshotPrefix = screenshotPrefix;
    }

    @BeforeEach
    void startBrowser() throws Exception {
        browser = HeadlessBrowser.start(port, screenshotPrefix);
        driver = browser.driver();
        wait = browser.await();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
