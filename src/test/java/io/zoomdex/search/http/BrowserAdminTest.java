package io.zoomdex.search.http;

import static io.zoomdex.sink.lucene.SearchFixtures.ALICE;
import static io.zoomdex.sink.lucene.SearchFixtures.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.zoomdex.admin.ConnectionCheckSource;
import io.zoomdex.document.Change;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import io.zoomdex.document.Readers;
import io.zoomdex.sink.lucene.LuceneIndexSink;
import io.zoomdex.sink.lucene.SearchFixtures;
import io.zoomdex.source.ReaderRules;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin page in headless Chromium: an admin sees the crawl history charts, the webhook health,
 * the settings and the inspector; a non-admin token gets the refusal and no data. Skipped with a
 * message when Chromium is missing on a developer machine; a failure when {@code CI} is set.
 */
class BrowserAdminTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @TempDir Path data;
  @TempDir Path browserProfile;

  private static final DocumentId EXPLAINED = new DocumentId(DocumentType.MEETING, "4242");

  private ServerFixture fixture;
  private SearchServer server;
  private WebDriver driver;
  private WebDriverWait wait;

  @BeforeAll
  static void requireChromium() {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (installed) {
      return;
    }
    String message =
        "Chromium is not installed ("
            + CHROMIUM
            + ", "
            + CHROMEDRIVER
            + "); install it with `apt-get install -y chromium chromium-driver`.";
    if (System.getenv("CI") != null) {
      fail("CI is set and the browser test cannot run: " + message);
    }
    System.err.println("BrowserAdminTest SKIPPED: " + message);
    Assumptions.abort("Browser test skipped: " + message);
  }

  @BeforeEach
  void setUp() throws Exception {
    // A document whose readers carry the rules the crawler records, beside the fixture's own.
    try (LuceneIndexSink sink = LuceneIndexSink.open(data.resolve("index"))) {
      sink.apply(
          new Change.Upsert(
              SearchFixtures.document(
                  EXPLAINED,
                  "Quarterly planning",
                  "Plans for the quarter.",
                  ALICE,
                  Instant.parse("2024-04-02T09:00:00Z"),
                  Readers.explained(
                      Map.of(
                          ALICE,
                          List.of(ReaderRules.RULE_HOST),
                          BOB,
                          List.of(ReaderRules.RULE_INVITEE, ReaderRules.RULE_PARTICIPANT))))));
      sink.commit();
    }
    fixture = new ServerFixture(data);
    AdminPageFixture.recordHistory(fixture);
    server =
        SearchServer.start(
            AdminPageFixture.settings(
                fixture,
                ConnectionCheckSource.unavailable("This server has no Zoom credentials.")));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--lang=en-US",
        "--user-data-dir=" + browserProfile.toAbsolutePath());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1280, 1800));
    wait = new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  @AfterEach
  void tearDown() throws Exception {
    try (ServerFixture toClose = fixture) {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      server.close();
    }
  }

  private void signIn(String token) {
    driver.get(server.uri().resolve("/admin").toString());
    WebElement tokenBox = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
    tokenBox.sendKeys(token);
    tokenBox.sendKeys(Keys.ENTER);
  }

  private List<String> barValues(String chart, String series) {
    return driver
        .findElements(By.cssSelector("#" + chart + " rect.bar[data-series='" + series + "']"))
        .stream()
        .map(bar -> bar.getAttribute("data-value"))
        .toList();
  }

  private void screenshot(String name) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void admin_seesHistoryChartsHealthSettingsAndTheInspector() throws Exception {
    signIn(fixture.tokens.create(AdminPageFixture.ADMIN, true).token());

    int runs = AdminPageFixture.RUNS.length;
    wait.until(
        ExpectedConditions.numberOfElementsToBe(
            By.cssSelector("#chart-documents rect.bar"), 3 * runs));
    // Oldest run on the left: the figures of AdminPageFixture.RUNS in order.
    assertThat(barValues("chart-documents", "added")).containsExactly("25", "2", "0");
    assertThat(barValues("chart-documents", "deleted")).containsExactly("0", "1", "6");
    assertThat(barValues("chart-duration", "duration")).containsExactly("4.2", "0.9", "2.6");
    assertThat(barValues("chart-duration", "rateLimited")).containsExactly("3", "0", "1");
    // The newest run is selected: its documents and its Zoom calls per rate label.
    assertThat(barValues("chart-run-documents", "deleted")).containsExactly("6");
    assertThat(barValues("chart-run-calls", "LIGHT")).containsExactly("13");
    assertThat(barValues("chart-run-calls", "MEDIUM")).containsExactly("6");
    assertThat(driver.findElements(By.cssSelector("#runs-table tbody tr"))).hasSize(runs);
    assertThat(driver.findElement(By.id("webhook-status")).getText()).isEqualTo("attention");
    assertThat(driver.findElement(By.id("webhook-reason")).getText()).contains("given up");
    assertThat(driver.findElement(By.id("settings")).getText()).contains("every 15m");
    screenshot("admin-history.png");

    driver.findElement(By.cssSelector("#runs-table tbody tr[data-run='1']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("run-title"), "1 ("));
    assertThat(barValues("chart-run-documents", "added")).containsExactly("25");

    driver.findElement(By.id("run-check")).click();
    wait.until(
        ExpectedConditions.textToBe(
            By.id("check-message"), "This server has no Zoom credentials."));

    driver.findElement(By.id("explain-id")).sendKeys(EXPLAINED.toString());
    driver.findElement(By.id("explain-as")).sendKeys(ALICE.toUpperCase(java.util.Locale.ROOT));
    driver.findElement(By.cssSelector("#explain-form button")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("explain-result")));
    List<String> readers =
        driver.findElements(By.cssSelector("#readers-table tbody tr")).stream()
            .map(row -> row.getAttribute("data-reader"))
            .toList();
    assertThat(readers).containsExactly(ALICE, BOB);
    assertThat(
            driver
                .findElement(By.cssSelector("#readers-table tr[data-reader='" + BOB + "']"))
                .getText())
        .contains("invitee; participant");
    assertThat(driver.findElement(By.id("explain-as-result")).getText()).contains(ALICE, "host");
    screenshot("admin-inspector.png");

    driver.findElement(By.id("whois-value")).sendKeys(ALICE.toUpperCase(java.util.Locale.ROOT));
    driver.findElement(By.cssSelector("#whois-form button")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("whois-result")));
    assertThat(driver.findElement(By.id("whois-verdict")).getText()).isEqualTo("match");
    assertThat(driver.findElement(By.id("whois-text")).getText()).contains(ALICE);
  }

  @Test
  void nonAdminToken_getsTheRefusalAndNoData() throws Exception {
    signIn(fixture.tokens.create(ALICE, false).token());

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("denied")));
    assertThat(driver.findElement(By.id("denied")).getText())
        .contains("admin tokens only", "zoomdex token create --admin");
    assertThat(driver.findElement(By.id("admin")).isDisplayed()).isFalse();
    assertThat(driver.findElements(By.cssSelector("rect.bar"))).isEmpty();
    String html = driver.getPageSource();
    assertThat(html).doesNotContain("every 15m", "given up", "polling", AdminPageFixture.ADMIN);
    screenshot("admin-denied.png");
  }
}
