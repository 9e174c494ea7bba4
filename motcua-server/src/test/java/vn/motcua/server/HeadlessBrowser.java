package vn.motcua.server;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's Chromium driven headless through ChromeDriver, for the end-to-end tests: started with the flags this closed
 * network needs and a fresh profile; screenshots go to {@code target/screenshots} (or {@code motcua.screenshots}).
 * {@link #start} skips the calling test, with a message, when Chromium or ChromeDriver is not installed.
 */
public final class HeadlessBrowser implements AutoCloseable {

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final int port;
    private final Path shots;
    private final String prefix;
    private int shot;

    private HeadlessBrowser(WebDriver driver, int port, Path shots, String prefix) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        this.port = port;
        this.shots = shots;
        this.prefix = prefix;
    }

    /** Starts a browser for the server on {@code port}; screenshots are named {@code <prefix>-NN-<name>.png}. */
    public static HeadlessBrowser start(int port, String prefix) throws Exception {
        File chromedriver = new File(System.getProperty("motcua.chromedriver", "/usr/bin/chromedriver"));
        File chromium = new File("/usr/bin/chromium");
        if (!chromedriver.canExecute() || !chromium.canExecute()) {
            System.out.println("SKIPPED: browser test needs Debian chromium and chromium-driver (" + chromium + ", "
                    + chromedriver + ")");
        }
        assumeTrue(chromedriver.canExecute() && chromium.canExecute(), "chromium and chromedriver are not installed");
        Path profile = Files.createTempDirectory("motcua-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,1400",
                "--user-data-dir=" + profile, "--lang=vi");
        WebDriver driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                .usingAnyFreePort().build(), options);
        Path shots = Path.of(System.getProperty("motcua.screenshots", "target/screenshots"));
        Files.createDirectories(shots);
        return new HeadlessBrowser(driver, port, shots, prefix);
    }

    public WebDriver driver() {
        return driver;
    }

    public WebDriverWait await() {
        return wait;
    }

    public void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    /** Signs in through the login page and waits for the signed-in menu. */
    public void signIn(String username, String password) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-home")));
    }

    /** Fetches a URL with the browser's session (downloads the browser itself would save to disk), expecting 200. */
    public byte[] download(String url) throws Exception {
        Cookie session = driver.manage().getCookieNamed("JSESSIONID");
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", "JSESSIONID=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    public void screenshot(String name) throws Exception {
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), shots.resolve(String.format("%s-%02d-%s.png", prefix, ++shot, name)),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** How many screenshots were taken so far. */
    public int screenshots() {
        return shot;
    }

    /** Saves a test artefact (e.g. a printed form) next to the screenshots, as {@code <prefix>-<name>}. */
    public void save(String name, byte[] content) throws Exception {
        Files.write(shots.resolve(prefix + "-" + name), content);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
