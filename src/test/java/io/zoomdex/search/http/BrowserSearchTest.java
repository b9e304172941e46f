package io.zoomdex.search.http;

import static io.zoomdex.sink.lucene.SearchFixtures.ALICE;
import static io.zoomdex.sink.lucene.SearchFixtures.CAROL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}): sign in
 * with a token, search, see only readable results, narrow by a facet. Skipped with a message when
 * Chromium is missing on a developer machine; a failure when {@code CI} is set.
 */
class BrowserSearchTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @TempDir Path data;
  @TempDir Path browserProfile;

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
    System.err.println("BrowserSearchTest SKIPPED: " + message);
    Assumptions.abort("Browser test skipped: " + message);
  }

  @BeforeEach
  void setUp() throws Exception {
    fixture = new ServerFixture(data);
    startServer(fixture.settings());
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
    // The driver is given explicitly, so Selenium Manager never tries to download one.
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1280, 900));
    wait = new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  private void startServer(SearchServerSettings settings) {
    if (server != null) {
      server.close();
    }
    server = SearchServer.start(settings);
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
    driver.get(server.uri().toString());
    WebElement tokenBox = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
    tokenBox.sendKeys(token);
    tokenBox.sendKeys(Keys.ENTER);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
  }

  private void search(String query) {
    WebElement box = driver.findElement(By.id("q"));
    box.clear();
    box.sendKeys(query);
    box.sendKeys(Keys.ENTER);
  }

  private List<String> hitIds() {
    return driver.findElements(By.cssSelector("#results li.hit")).stream()
        .map(hit -> hit.getAttribute("data-id"))
        .toList();
  }

  private void waitForHits(int count) {
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#results li.hit"), count));
  }

  private Path screenshot(String name) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    Path target = SCREENSHOTS.resolve(name);
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    return target;
  }

  @Test
  void signInSearchAndFacet_showOnlyReadableResults() throws Exception {
    String token = fixture.tokens.create(ALICE, false).token();

    signIn(token);
    wait.until(ExpectedConditions.textToBe(By.id("who-email"), ALICE));
    search("budget");
    waitForHits(3);

    assertThat(hitIds())
        .containsExactlyInAnyOrder(
            "meeting:111", "transcript:abc/DEF+ghi==", "past_meeting:std/1==");
    String page = driver.findElement(By.tagName("body")).getText();
    assertThat(page).doesNotContain("Budget summary").doesNotContain("Secret budget numbers");
    assertThat(page).contains("Results 1–3 of 3");
    WebElement cueTime = driver.findElement(By.cssSelector("#results .snippet .time"));
    assertThat(cueTime.getText()).isEqualTo("00:12:34");
    // The time is a link to the recording (Zoom documents no start-at-a-moment parameter).
    assertThat(cueTime.getTagName()).isEqualTo("a");
    assertThat(cueTime.getAttribute("href")).isEqualTo("https://zoom.us/j/abc/DEF+ghi==");
    assertThat(cueTime.getAttribute("title")).contains("00:12:34");
    // Dates name their time zone, as the CLI says UTC.
    assertThat(driver.findElement(By.cssSelector("#results .meta time")).getText())
        .matches(".*\\b(UTC|GMT[+-]?[0-9:]*|[A-Z]{3,5})$");
    assertThat(cueTime.findElement(By.xpath("..")).getText())
        .contains("Bob Jones: The budget is tight")
        .doesNotContain("[00:12:34]");
    assertThat(driver.findElements(By.cssSelector("#results mark")))
        .extracting(WebElement::getText)
        .contains("budget");
    screenshot("search-results.png");

    driver
        .findElement(By.cssSelector("button.facet[data-facet='type'][data-value='transcript']"))
        .click();
    waitForHits(1);

    assertThat(hitIds()).containsExactly("transcript:abc/DEF+ghi==");
    assertThat(driver.findElement(By.id("filters")).getText()).contains("Type: Transcript");
    assertThat(
            driver
                .findElement(
                    By.cssSelector("button.facet[data-facet='type'][data-value='transcript']"))
                .getAttribute("aria-pressed"))
        .isEqualTo("true");
    screenshot("search-facet.png");
  }

  @Test
  void recurringSeries_showsOnceWithNMoreFromThisSeries_thatOpenInPlace() throws Exception {
    signIn(fixture.tokens.create(ServerFixture.DANA, false).token());
    search("forecast");
    waitForHits(1);

    WebElement more = driver.findElement(By.cssSelector("#results .more-series"));
    assertThat(more.getText()).isEqualTo("3 more from this series");
    assertThat(driver.findElements(By.cssSelector("#results .series-hit")))
        .allMatch(row -> !row.isDisplayed());
    more.click();
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#results .series-hit"), 3));
    assertThat(driver.findElements(By.cssSelector("#results .series-hit")))
        .allMatch(WebElement::isDisplayed)
        .extracting(row -> row.getAttribute("data-id"))
        .doesNotContain("past_meeting:forecast4==");
    assertThat(more.getAttribute("aria-expanded")).isEqualTo("true");
    screenshot("series-desktop.png");
    driver.manage().window().setSize(new Dimension(390, 844));
    assertOneHeaderLine();
    screenshot("series-phone.png");
  }

  /** The header is one line: no taller than its brand's line and a little padding. */
  private void assertOneHeaderLine() {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    Number header = (Number) js.executeScript("return document.querySelector('.bar').offsetHeight");
    Number brand =
        (Number) js.executeScript("return document.querySelector('.brand').offsetHeight");
    assertThat(header.doubleValue()).as("one header line").isLessThan(brand.doubleValue() * 2.5);
    Number signOut =
        (Number) js.executeScript("return document.getElementById('sign-out').offsetHeight");
    assertThat(signOut.doubleValue())
        .as("'Sign out' on one line")
        .isLessThan(brand.doubleValue() * 1.5);
  }

  @Test
  void phone_oneLineHeader_facetsBehindAButton_andTheFirstResultOnTheFirstScreen()
      throws Exception {
    startServer(fixture.settings().withDemoPeople(List.of(ALICE, CAROL)));
    driver.manage().window().setSize(new Dimension(390, 844));
    driver.get(server.uri().toString());
    // On a phone the picker alone says who is searching (the "signed in as" text is hidden).
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
    assertThat(
            new Select(driver.findElement(By.id("demo-person"))).getFirstSelectedOption().getText())
        .isEqualTo(ALICE);
    assertThat(driver.findElement(By.id("signed-in")).isDisplayed()).isFalse();
    search("retro");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Results 1–10"));

    JavascriptExecutor js = (JavascriptExecutor) driver;
    Number header = (Number) js.executeScript("return document.querySelector('.bar').offsetHeight");
    Number brand =
        (Number) js.executeScript("return document.querySelector('.brand').offsetHeight");
    assertThat(header.doubleValue()).as("one header line").isLessThan(brand.doubleValue() * 2.5);
    assertThat(driver.findElement(By.id("facets")).isDisplayed()).isFalse();
    Number firstHitBottom =
        (Number)
            js.executeScript(
                "return document.querySelector('#results li.hit h2').getBoundingClientRect()"
                    + ".bottom");
    Number screen = (Number) js.executeScript("return window.innerHeight");
    assertThat(firstHitBottom.doubleValue())
        .as("the first result's title is on the first screen")
        .isLessThan(screen.doubleValue() / 2);
    screenshot("phone-results.png");

    driver.findElement(By.id("facets-toggle")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("facets")));
    assertThat(driver.findElement(By.id("facets-toggle")).getAttribute("aria-expanded"))
        .isEqualTo("true");
    screenshot("phone-filters-open.png");

    driver.manage().window().setSize(new Dimension(1280, 900));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("facets-toggle")));
    assertThat(driver.findElement(By.id("facets")).isDisplayed()).isTrue();
    screenshot("desktop-results.png");
  }

  @Test
  void hostileContent_isShownAsTextNeverRunAsMarkup() throws Exception {
    signIn(fixture.tokens.create(CAROL, false).token());
    search("party");
    waitForHits(1);

    WebElement hit = driver.findElement(By.cssSelector("#results li.hit"));
    assertThat(hit.getText()).contains("<img src=x onerror=").contains("<script>window.__pwned=2");
    assertThat(hit.findElements(By.tagName("img"))).isEmpty();
    assertThat(hit.findElements(By.tagName("script"))).isEmpty();
    assertThat(hit.findElements(By.tagName("b"))).isEmpty();
    assertThat(((JavascriptExecutor) driver).executeScript("return window.__pwned === undefined"))
        .isEqualTo(true);
  }

  @Test
  void pagingEmptyStateSlashKeyAndBadToken_workOnAPhoneSizedScreen() throws Exception {
    driver.get(server.uri().toString());
    WebElement tokenBox = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
    tokenBox.sendKeys("zdx_not-a-real-token");
    tokenBox.sendKeys(Keys.ENTER);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("sign-in-error"), "unknown"));

    driver.manage().window().setSize(new Dimension(390, 844));
    tokenBox = driver.findElement(By.id("token"));
    tokenBox.clear();
    tokenBox.sendKeys(fixture.tokens.create(ALICE, false).token());
    tokenBox.sendKeys(Keys.ENTER);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
    // Focus the page itself (a click could land on a facet), then press the shortcut.
    ((JavascriptExecutor) driver).executeScript("document.activeElement.blur()");
    driver.findElement(By.tagName("body")).sendKeys("/");
    wait.until(driver -> "q".equals(driver.switchTo().activeElement().getAttribute("id")));

    search("retro");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Results 1–10 of 23"));
    driver.findElement(By.id("next-page")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Results 11–20 of 23"));
    List<String> secondPage = hitIds();
    assertThat(secondPage).hasSize(10).doesNotContainAnyElementsOf(List.of("meeting:9022"));
    ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
    Object overflow =
        ((JavascriptExecutor) driver)
            .executeScript("return document.documentElement.scrollWidth <= window.innerWidth + 1");
    assertThat(overflow).as("no sideways scrolling on a phone").isEqualTo(true);
    screenshot("search-phone.png");

    search("nothingmatchesthis");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#results .empty"), "Nothing you may read matches"));
  }

  @Test
  void demoMode_personPicker_switchesWhoseResultsAreShown() throws Exception {
    startServer(fixture.settings().withDemoPeople(List.of(ALICE, CAROL)));

    driver.get(server.uri().toString());
    wait.until(ExpectedConditions.textToBe(By.id("who-email"), ALICE + " (demo)"));
    search("budget");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "of 3"));
    assertThat(driver.findElement(By.id("sign-in")).isDisplayed()).isFalse();

    new Select(driver.findElement(By.id("demo-person"))).selectByValue(CAROL);
    wait.until(ExpectedConditions.textToBe(By.id("who-email"), CAROL + " (demo)"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "No results"));
    search("launch");
    waitForHits(1);

    assertThat(hitIds()).containsExactly("webinar:222");
    screenshot("search-demo.png");
  }
}
