package nl.flexplek.testing;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The steps of Flexplek's pages that many page tests take: logging in to the dashboard and to the staff app. */
public final class Pages {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private Pages() {
    }

    /** Opens the facility manager's dashboard at {@code dashboardUrl} and submits its login form ({@code #login-form}). */
    public static void logInToDashboard(Browser browser, String dashboardUrl, String username, String password) {
        browser.get(dashboardUrl);
        fillIn(browser, username, password);
        browser.driver().findElement(By.cssSelector("#login-form button[type=submit]")).click();
    }

    /**
     * Logs in to the staff app with its login form ({@code form.login-form}), opening {@code loginUrl} first unless
     * the form is already on show, and waits until the app has left the login page.
     */
    public static void logInToStaffApp(Browser browser, String loginUrl, String username, String password) {
        if (browser.driver().findElements(By.id("username")).isEmpty()) {
            browser.get(loginUrl);
        }
        fillIn(browser, username, password);
        browser.driver().findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        new WebDriverWait(browser.driver(), WAIT).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private static void fillIn(Browser browser, String username, String password) {
        browser.waitFor(By.id("username")).sendKeys(username);
        browser.driver().findElement(By.id("password")).sendKeys(password);
    }
}
