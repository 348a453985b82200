package nl.flexplek.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) for page tests: open a page at a
 * viewport size, wait for what a user would see, take screenshots, and run the axe-core accessibility rules.
 * Nothing is downloaded: the driver and browser paths come from {@link Programs}, and Selenium Manager is told to stay
 * offline.
 */
public final class Browser implements AutoCloseable {
    /** WCAG 2.0 and 2.1, levels A and AA: the level Flexplek's pages are held to. */
    private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;

    /**
     * How far the browsers' clocks are set off the machine's, from {@code -Dflexplek.test.browser-clock-offset=P365D}
     * (or {@code -P365D}): the pages must show the server's day and keep their sessions whatever a device's clock
     * says, and running the page tests with the browser a year ahead and a year behind proves it.
     */
    private static final Duration CLOCK_OFFSET =
            Duration.parse(System.getProperty("flexplek.test.browser-clock-offset", "PT0S"));

    private Browser(int width, int height, String language) {
        this(width, height, language, CLOCK_OFFSET);
    }

    private Browser(int width, int height, String language, Duration clockOffset) {
        System.setProperty("SE_OFFLINE", "true");
        try {
            this.profile = Files.createTempDirectory("flexplek-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Programs.chromium().toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--lang=" + language, "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Programs.chromedriver().toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        if (!clockOffset.isZero()) {
            setClockOffset(clockOffset);
        }
        resize(width, height);
    }

    /**
     * Sets the pages' clock ({@code Date.now()} and {@code new Date()}) off by {@code offset} from the next page
     * load on, as on a device whose clock is wrong. Chromium runs the script before any of the page's own.
     */
    private void setClockOffset(Duration offset) {
        String deviceClock = """
                (() => {
                  const RealDate = Date;
                  const shift = %d;
                  class DeviceDate extends RealDate {
                    constructor(...args) {
                      if (args.length === 0) { super(RealDate.now() + shift); } else { super(...args); }
                    }
                    static now() { return RealDate.now() + shift; }
                  }
                  globalThis.Date = DeviceDate;
                })();
                """.formatted(offset.toMillis());
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", deviceClock));
    }

    /** A browser like {@link #open(int, int, String)} on a device whose clock is {@code clockOffset} off. */
    public static Browser openWithClockOffset(int width, int height, String language, Duration clockOffset) {
        return new Browser(width, height, language, clockOffset);
    }

    /** What the page thinks the time is, in epoch milliseconds (this device's clock, offset included). */
    public long pageClockMillis() {
        return ((Number) script("return Date.now();")).longValue();
    }

    /** A browser whose page area is {@code width × height} CSS pixels, preferring the given language. */
    public static Browser open(int width, int height, String language) {
        return new Browser(width, height, language);
    }

    public static Browser open(int width, int height) {
        return open(width, height, "en");
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Makes the page area (not the window) exactly this big, so screenshots have the size a screen has. */
    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        Object inner = driver.executeScript("return [window.innerWidth, window.innerHeight];");
        List<?> size = (List<?>) inner;
        int dw = width - ((Number) size.get(0)).intValue();
        int dh = height - ((Number) size.get(1)).intValue();
        if (dw != 0 || dh != 0) {
            driver.manage().window().setSize(new Dimension(width + dw, height + dh));
        }
    }

    public void get(String url) {
        driver.get(url);
    }

    /** Waits (up to {@code timeout}) until the element is on the page and visible, and returns it. */
    public WebElement waitFor(By by, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() || !found.getFirst().isDisplayed() ? null : found.getFirst();
        });
    }

    public WebElement waitFor(By by) {
        return waitFor(by, Duration.ofSeconds(10));
    }

    /** Waits until the element's visible text contains {@code text}. */
    public WebElement waitForText(By by, String text, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(d -> {
            List<WebElement> found = d.findElements(by);
            return !found.isEmpty() && found.getFirst().getText().contains(text) ? found.getFirst() : null;
        });
    }

    public String text(By by) {
        return driver.findElement(by).getText();
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /**
     * Clicks like a thumb: the element is scrolled to the middle of the screen first, because WebDriver scrolls it
     * only to the bottom edge, where a page's fixed navigation bar covers it.
     */
    public void tap(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** Saves a PNG of the page area to {@code target/screenshots/<name>.png} and returns its path. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The axe-core violations of every WCAG 2.1 A and AA rule on the current page, one line each. Experimental
     * rules are asked for too (axe leaves them out by default; label-content-name-mismatch, WCAG 2.5.3, is one), and
     * of those only the ones tagged with a WCAG 2.1 A/AA criterion count.
     */
    public List<String> accessibilityViolations() {
        List<String> tags = new java.util.ArrayList<>(WCAG_AA);
        tags.add("experimental");
        Results results = new AxeBuilder().withTags(tags).analyze(driver);
        return results.getViolations().stream()
                .filter(rule -> rule.getTags().stream().anyMatch(WCAG_AA::contains))
                .map(Browser::describe)
                .toList();
    }

    /** Fails, naming the screen and each violation, where the current page breaks a WCAG 2.1 A/AA rule. */
    public void assertAccessible(String screen) {
        List<String> violations = accessibilityViolations();
        assertTrue(violations.isEmpty(), () -> screen + ": " + String.join("\n", violations));
    }

    private static String describe(Rule rule) {
        String where = rule.getNodes().stream().limit(5).map(node -> String.valueOf(node.getTarget()))
                .collect(Collectors.joining(", "));
        return rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at " + where;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A leftover temp profile is harmless.
        }
    }
}
