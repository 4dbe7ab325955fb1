package dev.timmy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timmy.Json;
import dev.timmy.config.JournalConfig;
import dev.timmy.config.ServiceConfig;
import dev.timmy.config.TimmyConfig;
import dev.timmy.service.ServeOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The dashboard in a real browser: Debian's headless Chromium driven by Selenium against a real
 * Timmy serving a copy of the demo house in which one issue is titled with markup. Skipped with a
 * message when no Chromium is installed, unless {@code -Dtimmy.requireBrowser=true} (CI) makes
 * that a failure. Screenshots of each view land in target/screenshots/.
 */
class DashboardBrowserTest {
  static final String HOSTILE = "<img src=x onerror=alert(1)>";
  static final String HOSTILE_SUBJECT = "alex/game-bot#20";

  @TempDir static Path dir;
  static Harness h;
  static Browser browser;
  static ChromeDriver driver;
  static Path rules;

  @BeforeAll
  static void start() throws Exception {
    Browser.require();
    Path fixtures = hostileDemo(dir.resolve("fixtures"));
    rules = copy(Path.of("rules"), dir.resolve("rules"));
    TimmyConfig d = TimmyConfig.demo();
    TimmyConfig config = new TimmyConfig(d.owner(), d.agents(), null, null,
        new ServiceConfig(8377, "127.0.0.1", 3600, false, rules.toString(), fixtures.toString()), d.budgets(),
        new JournalConfig(dir.resolve("timmy.db").toString(), 30));
    h = Harness.start(config, Harness.secrets(), ServeOptions.defaults());
    browser = new Browser();
    driver = browser.driver;
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) browser.close();
    if (h != null) h.close();
  }

  @BeforeEach
  void open() {
    browser.viewport(new Dimension(1280, 800));
    driver.get(h.url("/"));
    browser.waitFor("the backlog", () -> !driver.findElements(By.cssSelector("#backlog-table tbody tr[data-rank]")).isEmpty());
  }

  /** Copies the tree {@code from} to {@code to}. */
  static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target);
      }
    }
    return to;
  }

  /** The demo house with one issue title replaced by markup that would run script if it were parsed. */
  static Path hostileDemo(Path to) throws IOException {
    copy(Path.of("fixtures/demo"), to);
    Path issues = to.resolve("gitea/alex/game-bot/issues.json");
    ArrayNode all = (ArrayNode) Json.mapper().readTree(issues.toFile());
    boolean found = false;
    for (JsonNode i : all) {
      if (i.get("number").asInt() == 20) {
        ((ObjectNode) i).put("title", HOSTILE);
        found = true;
      }
    }
    assertTrue(found, "the demo has game-bot#20");
    Json.mapper().writeValue(issues.toFile(), all);
    return to;
  }

  @Test
  void the_backlog_renders_in_rank_order() throws IOException {
    JsonNode backlog = h.get("/api/dashboard").json().get("backlog");
    List<WebElement> rows = driver.findElements(By.cssSelector("#backlog-table tbody tr[data-rank]"));
    assertEquals(backlog.size(), rows.size(), "every ranked subject has a row");
    assertTrue(rows.size() >= 30, "the demo backlog is long: " + rows.size());
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(String.valueOf(i + 1), rows.get(i).getAttribute("data-rank"), "row " + i);
      assertEquals(backlog.get(i).get("subject").asText(), rows.get(i).getAttribute("data-row-subject"));
    }
    assertEquals("alex/hermes-dashboard#29", rows.get(0).getAttribute("data-row-subject"), "the p0 security bug leads");
    assertTrue(rows.get(0).getText().contains("Stored XSS through widget titles"), rows.get(0).getText());
    assertTrue(rows.get(0).getText().contains("claude"), "its route: " + rows.get(0).getText());
  }

  @Test
  void the_filters_narrow_the_backlog_by_repository_agent_and_stage() {
    int all = rows().size();
    select("f-repo", "alex/local-agent");
    List<WebElement> local = rows();
    assertTrue(local.size() > 0 && local.size() < all, local.size() + " of " + all);
    for (WebElement r : local) assertTrue(r.getAttribute("data-row-subject").startsWith("alex/local-agent#"));
    select("f-repo", "");
    select("f-stage", "DISPATCHED");
    List<String> dispatched = rows().stream().map(r -> r.getAttribute("data-row-subject")).toList();
    assertEquals(List.of("alex/hermes-dashboard#28", "alex/hermes-dashboard#24").stream().sorted().toList(),
        dispatched.stream().sorted().toList(), "the two issues claude never answered");
    select("f-stage", "");
    select("f-agent", "researcher");
    assertTrue(rows().size() >= 2, "GB#19 and LA#15 go to the researcher");
  }

  @Test
  void an_issue_explanation_opens_with_its_parts_and_vetoes() {
    // HD#14 is idle for 40 days but on hold: the stale warning is proposed and vetoed.
    driver.findElement(By.cssSelector("[data-row-subject='alex/hermes-dashboard#14'] .title")).click();
    WebElement drawer = driver.findElement(By.id("explain"));
    browser.waitFor("the explanation", () -> !drawer.findElements(By.cssSelector(".part")).isEmpty());
    assertEquals("alex/hermes-dashboard#14", driver.findElement(By.id("explain-title")).getText());
    assertTrue(drawer.findElements(By.cssSelector(".part")).size() >= 2, "base points and more");
    assertTrue(drawer.getText().contains("PRIO-001"), "the parts name their rules");
    List<WebElement> vetoes = drawer.findElements(By.cssSelector(".veto"));
    assertFalse(vetoes.isEmpty(), "on hold: its proposals are vetoed");
    assertTrue(vetoes.get(0).getText().contains("vetoed"), vetoes.get(0).getText());
    assertTrue(drawer.getText().contains("✔") && drawer.getText().contains("✘"), "the checklist has both marks");
    browser.shoot("explain-issue-1280x800-light");
    driver.findElement(By.id("explain-close")).click();
    assertFalse(drawer.isDisplayed());
  }

  @Test
  void an_agent_a_model_and_a_loop_open_their_explanations_too() {
    for (String subject : List.of("agent:claude", "model:qwen3:14b", "loop:heartbeat")) {
      driver.findElement(By.cssSelector("[data-subject='" + subject + "']")).click();
      browser.waitFor(subject, () -> subject.equals(driver.findElement(By.id("explain-title")).getText())
          && !driver.findElements(By.cssSelector("#explain-body h3")).isEmpty());
      driver.findElement(By.id("explain-close")).click();
      assertFalse(driver.findElement(By.id("explain")).isDisplayed(), "closed after " + subject);
    }
  }

  @Test
  void a_new_cycle_appears_without_a_reload() throws IOException {
    long before = Long.parseLong(driver.findElement(By.tagName("body")).getAttribute("data-cycle"));
    ((JavascriptExecutor) driver).executeScript("window.__sameDocument = 'yes';");
    browser.waitFor("the live feed", () -> driver.findElement(By.id("live")).getText().equals("live"));
    Harness.Reply r = h.admin("/api/cycles", "{}");
    assertEquals(200, r.code(), r.body());
    long after = r.json().get("id").asLong();
    assertTrue(after > before);
    browser.waitFor("cycle " + after + " on the page",
        () -> !driver.findElements(By.cssSelector("#cycles-table tr[data-cycle='" + after + "']")).isEmpty()
            && String.valueOf(after).equals(driver.findElement(By.tagName("body")).getAttribute("data-cycle")));
    assertEquals("yes", ((JavascriptExecutor) driver).executeScript("return window.__sameDocument;"), "no reload");
  }

  @Test
  void acting_asks_for_the_admin_token_sends_it_as_a_bearer_and_stores_nothing_else() throws IOException {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript("sessionStorage.clear();");
    long before = h.get("/api/cycles?limit=1").json().get("cycles").get(0).get("id").asLong();
    driver.findElement(By.id("run-cycle")).click();
    browser.waitFor("the token dialog", () -> driver.findElement(By.id("token-dialog")).isDisplayed());
    driver.findElement(By.id("token-input")).sendKeys("not-the-token");
    driver.findElement(By.id("token-ok")).click();
    browser.waitFor("the refusal", () -> driver.findElements(By.cssSelector(".toast.bad")).stream().anyMatch(t -> t.getText().contains("admin token")));
    assertEquals(null, js.executeScript("return sessionStorage.getItem('timmy.adminToken');"), "a refused token is forgotten");
    assertEquals(before, h.get("/api/cycles?limit=1").json().get("cycles").get(0).get("id").asLong(), "nothing ran");

    driver.findElement(By.id("run-cycle")).click();
    browser.waitFor("the token dialog again", () -> driver.findElement(By.id("token-dialog")).isDisplayed());
    driver.findElement(By.id("token-input")).sendKeys(Harness.ADMIN_TOKEN);
    driver.findElement(By.id("token-ok")).click();
    browser.waitFor("a new cycle on the page", () -> Long.parseLong(driver.findElement(By.tagName("body")).getAttribute("data-cycle")) > before);
    assertEquals(Harness.ADMIN_TOKEN, js.executeScript("return sessionStorage.getItem('timmy.adminToken');"));
    assertEquals(1L, js.executeScript("return sessionStorage.length;"), "only the token");
    assertEquals(0L, js.executeScript("return localStorage.length;"));
    assertEquals("", js.executeScript("return document.cookie;"));
    js.executeScript("sessionStorage.clear();");
  }

  @Test
  void a_rule_error_shows_in_red_with_its_file_and_line_until_the_rules_compile_again() throws IOException {
    browser.waitFor("the live feed", () -> driver.findElement(By.id("live")).getText().equals("live"));
    Path priority = rules.resolve("priority.drl");
    String good = Files.readString(priority);
    try {
      Files.writeString(priority, good + "\nrule \"broken\" when then nonsense( end\n");
      assertEquals(422, h.admin("/api/rules/reload", "{}").code());
      browser.waitFor("the rule error on the page", () -> driver.findElements(By.cssSelector("#alerts .alert")).stream()
          .anyMatch(a -> a.getText().matches("(?s).*Rule error .*priority\\.drl:\\d+.*")));
    } finally {
      Files.writeString(priority, good);
      h.admin("/api/rules/reload", "{}");
    }
    browser.waitFor("the error gone", () -> driver.findElements(By.cssSelector("#alerts .alert")).stream()
        .noneMatch(a -> a.getText().contains("Rule error")));
  }

  @Test
  void an_issue_titled_with_markup_shows_as_text_and_runs_nothing() {
    WebElement row = driver.findElement(By.cssSelector("[data-row-subject='" + HOSTILE_SUBJECT + "']"));
    assertEquals(HOSTILE, row.findElement(By.cssSelector(".title")).getText());
    assertTrue(driver.findElements(By.cssSelector("main img, #explain img")).isEmpty(), "no element was made of it");
    row.findElement(By.cssSelector(".title")).click();
    browser.waitFor("its explanation", () -> HOSTILE.equals(textOf(".explain-subtitle")));
    assertTrue(driver.findElements(By.cssSelector("img")).isEmpty());
    try {
      String text = driver.switchTo().alert().getText();
      fail("an alert ran: " + text);
    } catch (NoAlertPresentException expected) {
      // nothing ran
    }
  }

  @Test
  void the_velocity_chart_has_fourteen_days_ending_on_the_snapshot_day() throws IOException {
    List<WebElement> days = driver.findElements(By.cssSelector("#velocity-chart svg g.day"));
    assertEquals(14, days.size());
    LocalDate last = LocalDate.parse(h.get("/api/dashboard").json().get("snapshotTakenAt").asText().substring(0, 10));
    for (int i = 0; i < 14; i++) assertEquals(last.minusDays(13 - i).toString(), days.get(i).getAttribute("data-date"));
    assertFalse(driver.findElements(By.cssSelector("#velocity-chart rect.bar-merged")).isEmpty(), "the demo merged pulls");
  }

  @Test
  void each_view_fits_1280x800_and_1920x1080_in_light_and_dark() {
    List<String> overflow = new ArrayList<>();
    for (Dimension size : List.of(new Dimension(1280, 800), new Dimension(1920, 1080))) {
      for (String theme : List.of("light", "dark")) {
        browser.viewport(size);
        ((JavascriptExecutor) driver).executeScript("document.documentElement.dataset.theme = arguments[0]; window.scrollTo(0, 0);", theme);
        String name = size.getWidth() + "x" + size.getHeight() + "-" + theme;
        Object wide = ((JavascriptExecutor) driver).executeScript(
            "return document.documentElement.scrollWidth > window.innerWidth;");
        if (Boolean.TRUE.equals(wide)) overflow.add(name);
        browser.shoot("page-" + name);
        driver.findElement(By.cssSelector("[data-row-subject='alex/hermes-dashboard#29'] .title")).click();
        browser.waitFor("the explanation", () -> !driver.findElements(By.cssSelector("#explain-body h3")).isEmpty());
        browser.shoot("explain-" + name);
        driver.findElement(By.id("explain-close")).click();
        Long height = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight;");
        driver.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(height + 120, 4000)));
        browser.shoot("full-" + name);
      }
    }
    assertEquals(List.of(), overflow, "views that scroll sideways");
  }

  private static List<WebElement> rows() {
    return driver.findElements(By.cssSelector("#backlog-table tbody tr[data-rank]"));
  }

  private static void select(String id, String value) {
    driver.findElement(By.cssSelector("#" + id + " option[value='" + value + "']")).click();
  }

  private static String textOf(String css) {
    List<WebElement> e = driver.findElements(By.cssSelector(css));
    return e.isEmpty() ? null : e.get(0).getText();
  }
}
