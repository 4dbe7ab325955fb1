package dev.timmy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.timmy.config.TimmyConfig;
import dev.timmy.service.ServeOptions;
import dev.timmy.service.Service;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/** An open dashboard outlives a restart of Timmy: it reconnects by itself and shows the new cycle, without a reload. */
class DashboardRestartTest {
  @TempDir static Path dir;
  static Browser browser;
  static ChromeDriver driver;

  @BeforeAll
  static void start() throws IOException {
    Browser.require();
    browser = new Browser();
    driver = browser.driver;
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) browser.close();
  }

  @Test
  void the_page_reconnects_and_catches_up_after_timmy_restarts() throws Exception {
    Path journal = dir.resolve("restart.db");
    TimmyConfig config = Harness.demoConfig(journal, Path.of("rules"));
    Service first = Service.assemble(config, Harness.secrets(), ServeOptions.defaults().port(0)).start();
    int port = first.port();
    Service second = null;
    try {
      awaitCycle(first);
      driver.get("http://127.0.0.1:" + port + "/");
      browser.waitFor("the live feed", () -> driver.findElement(By.id("live")).getText().equals("live"));
      ((JavascriptExecutor) driver).executeScript("window.__sameDocument = 'yes';");
      long before = Long.parseLong(driver.findElement(By.tagName("body")).getAttribute("data-cycle"));
      first.close();
      browser.waitFor("the page to notice", () -> driver.findElement(By.id("live")).getText().startsWith("reconnecting"));
      second = Service.assemble(config, Harness.secrets(), ServeOptions.defaults().port(port)).start();
      awaitCycle(second);
      long restarted = second.latest().decided().orElseThrow().cycle().id();
      assertTrue(restarted > before, "the restarted Timmy ran a new cycle");
      browser.waitFor("live again, showing cycle " + restarted, () -> driver.findElement(By.id("live")).getText().equals("live")
          && Long.parseLong(driver.findElement(By.tagName("body")).getAttribute("data-cycle")) >= restarted);
      assertEquals("yes", ((JavascriptExecutor) driver).executeScript("return window.__sameDocument;"), "no reload");
    } finally {
      first.close();
      if (second != null) second.close();
    }
  }

  private static void awaitCycle(Service s) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (s.latest().decided().isEmpty()) {
      if (System.nanoTime() > until) fail("no cycle within 60 s");
      Thread.sleep(20);
    }
  }
}
