package org.teamfinder.skills.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.teamfinder.skills.api.config.DevTokens;
import org.teamfinder.skills.api.testing.RunningService;
import org.teamfinder.skills.webpages.testing.FixtureSite;

/**
 * The curator's page in a real browser (Debian's chromium, headless, driven through its chromedriver by
 * Selenium) against the whole service with sign-in on: signing in with a token, searching and opening a
 * skill, adding an alias, a stale edit shown in plain words, merging two skills, and an import of the
 * fixture site watched to 100% with a suggestion accepted. Each screen is saved as a screenshot in
 * target/console-screenshots (README shows them).
 */
class ConsoleBrowserTest {

    private static final String SECRET = "console-test-secret-of-enough-length-0123456789";
    private static final FixtureSite SITE = new FixtureSite();
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @RegisterExtension
    static final RunningService service = new RunningService().with(Map.of(
            "micronaut.security.enabled", true,
            "micronaut.security.token.jwt.signatures.secret.generator.secret", SECRET,
            "micronaut.security.token.jwt.signatures.secret.generator.jws-algorithm", "HS256",
            "skills.imports.runner-enabled", true,
            "skills.imports.allowed-hosts", "127.0.0.1:" + SITE.port(),
            "skills.imports.poll-interval", "50ms"));

    private static ChromeDriver browser;
    private static WebDriverWait waiting;
    private final String token = DevTokens.mint(SECRET, "curator", "skills:write", Duration.ofMinutes(30));

    @BeforeAll
    static void openBrowser() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The console is tested in Debian's chromium, driven by its chromedriver: "
                    + "apt-get install chromium chromium-driver (.ci/run does so on a machine without them)");
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en");
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
        waiting = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
        SITE.close();
    }

    @BeforeEach
    void freshCatalogue() {
        service.database().truncate();
        browser.get(service.uri("/console").toString());
        browser.executeScript("sessionStorage.clear()");
        browser.navigate().refresh();
    }

    @AfterEach
    void signOut() {
        browser.executeScript("sessionStorage.clear()");
    }

    @Test
    void aGuestReadsAndIsToldToSignInToWriteThenSignsInWithAToken() {
        long kotlin = create("{\"name\": \"Kotlin\", \"category\": \"Languages\"}");
        open("kot", "Kotlin");
        field("new-alias").sendKeys("kt");
        click("#alias-form button[type=submit]");
        awaitMessage("Writing needs a token");

        field("token").sendKeys(token);
        click("#sign-in-button");

        waiting.until(ExpectedConditions.textToBe(By.id("who"), "Signed in as curator (skills:write)"));
        screenshot("sign-in");
        field("new-alias").sendKeys("kt");
        click("#alias-form button[type=submit]");
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("aliases"), "kt"));
        assertThat(service.get("/skills/" + kotlin).json().get("aliases")).isEqualTo(List.of("kt"));
    }

    @Test
    void searchingByAnAliasOpensTheSkillWithEverythingItKnows() {
        create("{\"name\": \"Kubernetes\", \"aliases\": [\"k8s\", \"Кубер\"], \"category\": \"Ops\", \"description\": \"Runs containers\"}");
        create("{\"name\": \"Kotlin\"}");
        signIn();

        field("search").sendKeys("k8");
        WebElement hit = waiting.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#hits [role=option]")));
        assertThat(hit.getText()).contains("Kubernetes").contains("as k8s").contains("Ops");
        screenshot("search");
        field("search").sendKeys(Keys.ENTER);

        waiting.until(ExpectedConditions.textToBe(By.id("skill-name"), "Kubernetes"));
        assertThat(text("skill-category")).isEqualTo("Ops");
        assertThat(text("skill-description")).isEqualTo("Runs containers");
        assertThat(browser.findElements(By.cssSelector("#aliases li span"))).extracting(WebElement::getText).containsExactly("k8s", "Кубер");
        screenshot("skill");
    }

    @Test
    void aStaleEditIsExplainedInPlainWordsAndReloadShowsTheOtherChange() {
        long id = create("{\"name\": \"Rust\"}");
        signIn();
        open("rus", "Rust");
        click("#edit-button");
        service.call("PUT", "/skills/" + id, "{\"name\": \"Rust\", \"description\": \"Changed elsewhere\"}", "Authorization", "Bearer " + token);

        WebElement description = field("edit-description");
        description.clear();
        description.sendKeys("Mine");
        click("#edit-form button[type=submit]");

        awaitMessage("Someone changed this skill since you opened it");
        screenshot("stale-edit");
        click("#message button");
        waiting.until(ExpectedConditions.textToBe(By.id("skill-description"), "Changed elsewhere"));
        assertThat(text("skill-version")).isEqualTo("2");
    }

    @Test
    void mergingShowsWhatWillHappenAndThenRedirectsTheSource() {
        long javascript = create("{\"name\": \"JavaScript\", \"aliases\": [\"JS\"]}");
        long ecma = create("{\"name\": \"ECMAScript\", \"aliases\": [\"ES6\"]}");
        signIn();
        open("javas", "JavaScript");
        click("#merge-button");
        field("merge-search").sendKeys("ecma");
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#merge-hits [role=option]")));
        field("merge-search").sendKeys(Keys.ENTER);

        WebElement preview = waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("merge-preview")));
        assertThat(preview.getText()).contains("ECMAScript (" + ecma + ") will disappear into JavaScript").contains("ES6")
                .contains("This cannot be undone");
        screenshot("merge");
        click("#merge-confirm");

        awaitMessage("ECMAScript was merged into JavaScript");
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("aliases"), "ECMAScript"));
        assertThat(text("skill-merged")).contains("ECMAScript (" + ecma + ")");
        assertThat(service.get("/skills/" + ecma).status()).isIn(200, 308);
        assertThat(service.get("/skills/" + javascript).json().get("aliases")).asList().contains("JS", "ECMAScript", "ES6");
    }

    @Test
    void anImportIsWatchedToTheEndAndASuggestionAccepted() {
        create("{\"name\": \"React\"}");
        signIn();
        click("#tab-imports");
        field("import-urls").sendKeys(String.join("\n", SITE.url("/pages/project-stack.html"), SITE.url("/pages/blog-post-tags.html"),
                SITE.url("/pages/vacancy-ru.html")));
        field("import-category").sendKeys("Imported");
        click("#import-form button[type=submit]");

        waiting.until(ExpectedConditions.textToBe(By.id("job-state"), "finished"));
        WebElement progress = field("job-progress");
        assertThat(progress.getDomProperty("value")).isEqualTo(progress.getDomProperty("max")).isEqualTo("3");
        assertThat(browser.findElements(By.cssSelector("#pages tbody tr"))).hasSize(3);
        assertThat(text("suggestions")).contains("GraphQL").contains("TypeScript");
        screenshot("import");
        click("button[aria-label='Accept GraphQL']");

        awaitMessage("GraphQL is now a skill");
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("suggestions"), "accepted"));
        assertThat(service.get("/skills/resolve?name=graphql").json()).containsEntry("category", "Imported");
    }

    private long create(String json) {
        RunningService.Response created = service.call("POST", "/skills", json, "Authorization", "Bearer " + token);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return ((Number) created.json().get("id")).longValue();
    }

    private void signIn() {
        field("token").sendKeys(token);
        click("#sign-in-button");
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "Signed in"));
    }

    /** Types {@code text} into the search and opens the first hit, {@code name}. */
    private void open(String text, String name) {
        field("search").sendKeys(text);
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("hits"), name));
        field("search").sendKeys(Keys.ENTER);
        waiting.until(ExpectedConditions.textToBe(By.id("skill-name"), name));
    }

    private void awaitMessage(String text) {
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), text));
        assertThat(field("message").getText()).contains(text);
    }

    private WebElement field(String id) {
        return waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private String text(String id) {
        return field(id).getText();
    }

    private void click(String css) {
        waiting.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    private void screenshot(String screen) {
        try {
            Files.write(SCREENSHOTS.resolve("console-" + screen + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
