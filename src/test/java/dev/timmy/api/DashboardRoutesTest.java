package dev.timmy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timmy.Json;
import dev.timmy.service.ServeOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's routes over real HTTP: the page and its files, its view, and its event stream. */
class DashboardRoutesTest {
  @TempDir static Path dir;
  static Path rules;
  static Harness h;

  @BeforeAll
  static void serve() throws Exception {
    rules = dir.resolve("rules");
    Files.createDirectories(rules);
    try (Stream<Path> files = Files.list(Path.of("rules"))) {
      for (Path f : files.toList()) Files.copy(f, rules.resolve(f.getFileName()));
    }
    h = Harness.start(Harness.demoConfig(dir.resolve("timmy.db"), rules), Harness.secrets(), ServeOptions.defaults());
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  void the_page_forbids_inline_script_and_loads_nothing_from_elsewhere() throws Exception {
    Harness.Reply page = h.get("/");
    assertEquals(200, page.code());
    assertTrue(page.contentType().startsWith("text/html"), page.contentType());
    String csp = header(page, "Content-Security-Policy");
    assertTrue(csp.contains("script-src 'self'") && csp.contains("default-src 'none'"), csp);
    assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), csp);
    assertEquals("nosniff", header(page, "X-Content-Type-Options"));
    Matcher scripts = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(page.body());
    int n = 0;
    while (scripts.find()) {
      n++;
      assertTrue(scripts.group(1).contains("src=\"/dashboard/"), "a script from the jar: " + scripts.group(1));
      assertEquals("", scripts.group(2).strip(), "no inline script");
    }
    assertEquals(4, n, "dom.js, views.js, explain.js, dashboard.js");
    assertFalse(page.body().matches("(?s).*\\son[a-z]+=.*"), "no inline event handlers");
    List<String> files = List.of("/", "/dashboard/dom.js", "/dashboard/views.js", "/dashboard/explain.js",
        "/dashboard/dashboard.js", "/dashboard/dashboard.css");
    for (String file : files) {
      String body = h.get(file).body();
      assertFalse(Pattern.compile("(src|href)\\s*=\\s*[\"']?(https?:)?//|url\\(\\s*[\"']?(https?:)?//|@import|fetch\\([\"']https?:")
          .matcher(body).find(), file + " loads nothing from another origin");
    }
    for (String file : files.subList(1, 5)) {
      String js = h.get(file).body();
      assertFalse(js.contains("innerHTML") || js.contains("outerHTML") || js.contains("insertAdjacentHTML")
          || js.contains("document.write") || js.contains("eval("), file + " never parses data as markup or code");
    }
  }

  @Test
  void the_page_files_are_served_with_their_types_and_nothing_else_is() throws Exception {
    for (String js : List.of("dom.js", "views.js", "explain.js", "dashboard.js")) {
      assertTrue(h.get("/dashboard/" + js).contentType().startsWith("text/javascript"), js);
    }
    assertTrue(h.get("/dashboard/dashboard.css").contentType().startsWith("text/css"));
    assertTrue(h.get("/dashboard/favicon.svg").contentType().startsWith("image/svg+xml"));
    for (String path : List.of("/dashboard/openapi.yaml", "/dashboard/..%2Fopenapi.yaml", "/dashboard/index.html")) {
      Harness.Reply r = h.get(path);
      assertEquals(404, r.code(), path);
      assertEquals("not_found", r.json().get("code").asText(), path);
    }
  }

  @Test
  void the_view_ranks_the_backlog_and_says_what_came_of_each_proposal() throws Exception {
    JsonNode v = h.get("/api/dashboard").json();
    JsonNode backlog = v.get("backlog");
    assertEquals(h.service.latest().decided().orElseThrow().decision().priorities().size(), backlog.size());
    for (int i = 0; i < backlog.size(); i++) assertEquals(i + 1, backlog.get(i).get("rank").asInt());
    JsonNode top = backlog.get(0);
    assertEquals("alex/hermes-dashboard#29", top.get("subject").asText());
    assertEquals("claude", top.get("agent").asText());
    assertEquals("would-do", top.get("proposals").get(0).get("outcome").asText(), "dry-run");
    JsonNode held = row(backlog, "alex/hermes-dashboard#14");
    JsonNode vetoed = held.get("proposals").get(0);
    assertEquals("vetoed", vetoed.get("outcome").asText());
    assertTrue(vetoed.get("detail").asText().contains("[AUTH-"), vetoed.toString());
    assertEquals("DISPATCHED", row(backlog, "alex/hermes-dashboard#28").get("stage").asText());
    assertEquals(14, v.get("velocity").get("perDay").size());
    assertEquals("2026-11-23", v.get("velocity").get("perDay").get(13).get("date").asText(), "the demo clock's day");
    assertFalse(v.get("escalations").isEmpty());
    assertTrue(v.get("actions").size() > 0);
  }

  @Test
  void each_cycle_and_each_change_of_the_rule_errors_is_pushed_to_open_pages() throws Exception {
    OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(90)).build();
    try (Response r = http.newCall(new Request.Builder().url(h.url("/api/events")).header("Accept", "text/event-stream").build()).execute();
        BufferedReader in = new BufferedReader(new InputStreamReader(r.body().byteStream(), StandardCharsets.UTF_8))) {
      assertEquals(200, r.code());
      assertTrue(r.header("Content-Type").startsWith("text/event-stream"), r.header("Content-Type"));
      assertNotNull(next(in, "hello"));
      Harness.Reply cycle = h.admin("/api/cycles", "{}");
      assertEquals(200, cycle.code(), cycle.body());
      JsonNode pushed = Json.mapper().readTree(next(in, "cycle"));
      assertEquals(cycle.json().get("id").asLong(), pushed.get("id").asLong());
      assertEquals("OK", pushed.get("status").asText());

      String good = Files.readString(rules.resolve("priority.drl"));
      try {
        Files.writeString(rules.resolve("priority.drl"), good + "\nrule \"broken\" when then nonsense( end\n");
        assertEquals(422, h.admin("/api/rules/reload", "{}").code());
        JsonNode status = Json.mapper().readTree(next(in, "status"));
        assertTrue(status.get("ruleErrors").get(0).get("file").asText().endsWith("priority.drl"), status.toString());
      } finally {
        Files.writeString(rules.resolve("priority.drl"), good);
        h.admin("/api/rules/reload", "{}");
      }
      JsonNode healed = Json.mapper().readTree(next(in, "status"));
      assertTrue(healed.get("ruleErrors").isEmpty(), healed.toString());
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /** The data of the next event named {@code name}, skipping others and comments. */
  private static String next(BufferedReader in, String name) throws Exception {
    String event = null;
    for (String line; (line = in.readLine()) != null; ) {
      if (line.startsWith("event:")) event = line.substring(6).strip();
      else if (line.startsWith("data:") && name.equals(event)) return line.substring(5).strip();
      else if (line.isEmpty()) event = null;
    }
    throw new AssertionError("the stream ended before a " + name + " event");
  }

  private static JsonNode row(JsonNode backlog, String subject) {
    for (JsonNode r : backlog) if (r.get("subject").asText().equals(subject)) return r;
    throw new AssertionError(subject + " is not in the backlog");
  }

  private static String header(Harness.Reply r, String name) {
    for (String line : r.headers().split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) return line.substring(colon + 1).strip();
    }
    throw new AssertionError("no " + name + " header in " + r.headers());
  }
}
