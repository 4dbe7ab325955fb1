package dev.timmy.api;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium under Selenium, with a fresh profile that is deleted afterwards.
 * {@link #require()} skips the calling tests with a message when Chromium is missing, unless
 * {@code -Dtimmy.requireBrowser=true} (CI) makes that a failure.
 */
final class Browser implements AutoCloseable {
  static final String CHROMIUM = System.getProperty("timmy.chromium", "/usr/bin/chromium");
  static final String DRIVER = System.getProperty("timmy.chromedriver", "/usr/bin/chromedriver");

  final ChromeDriver driver;
  private final Path profile;

  static void require() {
    boolean present = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(DRIVER));
    if (!present && Boolean.getBoolean("timmy.requireBrowser")) {
      fail("timmy.requireBrowser=true but " + CHROMIUM + " or " + DRIVER + " is missing: apt-get install -y chromium chromium-driver");
    }
    Assumptions.assumeTrue(present, "no headless Chromium (" + CHROMIUM + ", " + DRIVER + "): browser tests skipped;"
        + " apt-get install -y chromium chromium-driver, or run with -Dtimmy.requireBrowser=true to make this a failure");
  }

  Browser() throws IOException {
    profile = Files.createTempDirectory("timmy-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--window-size=1280,800", "--hide-scrollbars");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(DRIVER).toFile())
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
  }

  /** Sizes the window so that the page itself (the viewport) is {@code size}. */
  void viewport(Dimension size) {
    driver.manage().window().setSize(size);
    List<?> inner = (List<?>) driver.executeScript("return [window.innerWidth, window.innerHeight];");
    int dw = size.getWidth() - ((Number) inner.get(0)).intValue();
    int dh = size.getHeight() - ((Number) inner.get(1)).intValue();
    if (dw != 0 || dh != 0) driver.manage().window().setSize(new Dimension(size.getWidth() + dw, size.getHeight() + dh));
  }

  /** Asks {@code ok} until it holds; an element the page re-rendered meanwhile (stale) is asked about again. */
  void waitFor(String what, BooleanSupplier ok) {
    // The page re-renders on every live event: an element found and then replaced before it is read is "not yet".
    new WebDriverWait(driver, Duration.ofSeconds(60)).withMessage(what).ignoring(StaleElementReferenceException.class)
        .until(d -> ok.getAsBoolean());
  }

  /** Saves what the browser shows as target/screenshots/{@code name}.png. */
  void shoot(String name) {
    try {
      Path out = Path.of("target/screenshots");
      Files.createDirectories(out);
      Files.write(out.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
