package dev.timmy.observe.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.config.QuotaConfig;
import dev.timmy.facts.Quota;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quotas from a file or an endpoint; whatever is wrong is a gap that says where and what, never an exception. */
class QuotaSourceTest {
  static final OkHttpClient HTTP = new OkHttpClient();
  static final Quota ANTHROPIC = new Quota("anthropic", 180000, 5000000, Instant.parse("2026-11-23T14:00:00Z"));
  static final Quota MOONSHOT = new Quota("moonshot", 3100000, 5000000, null);
  static final String BOTH = """
      [{"provider": "anthropic", "remaining": 180000, "limit": 5000000, "resetsAt": "2026-11-23T14:00:00Z"},
       {"provider": "moonshot", "remaining": 3100000, "limit": 5000000}]
      """;

  MockWebServer server;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void a_file_with_a_list_or_a_single_object_gives_the_quotas(@TempDir Path tmp) throws Exception {
    Path list = Files.writeString(tmp.resolve("quota.json"), BOTH);
    assertEquals(new QuotaReading(List.of(ANTHROPIC, MOONSHOT), List.of()), QuotaSource.file(list).read());
    Path one = Files.writeString(tmp.resolve("one.json"),
        "{\"provider\": \"anthropic\", \"remaining\": 180000, \"limit\": 5000000, \"resetsAt\": \"2026-11-23T14:00:00Z\"}");
    assertEquals(new QuotaReading(List.of(ANTHROPIC), List.of()), QuotaSource.file(one).read());
  }

  @Test
  void the_file_is_read_again_at_every_call(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("quota.json"), BOTH);
    QuotaSource source = QuotaSource.file(file);
    source.read();
    Files.writeString(file, "{\"provider\": \"anthropic\", \"remaining\": 0, \"limit\": 5000000}");
    assertEquals(List.of(new Quota("anthropic", 0, 5000000, null)), source.read().quotas());
  }

  @Test
  void a_missing_file_and_broken_json_are_gaps_with_file_line_and_column(@TempDir Path tmp) throws Exception {
    Path missing = tmp.resolve("nowhere.json");
    assertEquals(List.of("quota: " + missing + ": expected a quota file, found none"), QuotaSource.file(missing).read().gaps());
    Path broken = Files.writeString(tmp.resolve("broken.json"), "[\n  {\"provider\": \"anthropic\",\n   \"remaining\": oops}\n]");
    QuotaReading r = QuotaSource.file(broken).read();
    assertEquals(List.of(), r.quotas());
    assertEquals(1, r.gaps().size());
    assertTrue(r.gaps().get(0).startsWith("quota: " + broken + ":3:"), r.gaps().get(0));
  }

  @Test
  void a_bad_entry_is_a_gap_naming_its_field_and_the_good_entries_are_kept(@TempDir Path tmp) throws Exception {
    String text = """
        [{"provider": "anthropic", "remaining": 180000, "limit": 5000000, "resetsAt": "2026-11-23T14:00:00Z"},
         {"provider": "", "remaining": 1, "limit": 2},
         {"provider": "moonshot", "remaining": "lots", "limit": 2},
         {"provider": "openai", "remaining": 1, "limit": 2, "resetsAt": "tomorrow"},
         {"provider": "local", "remaining": -1, "limit": 2},
         7]
        """;
    QuotaReading r = QuotaSource.parse(text, "q.json");
    assertEquals(List.of(ANTHROPIC), r.quotas());
    assertEquals(List.of(
        "quota: q.json: [1].provider: expected a provider name, found \"\"",
        "quota: q.json: [2].remaining: expected a number, found \"lots\"",
        "quota: q.json: [3].resetsAt: expected an ISO-8601 instant like 2026-11-23T14:00:00Z, found \"tomorrow\"",
        "quota: q.json: [4].remaining: expected 0 or more, found -1.0",
        "quota: q.json: [5].entry: expected an object, found 7"), r.gaps());
    assertEquals(List.of("quota: q.json: expected an object {provider, remaining, limit, resetsAt} or a list of them, found \"x\""),
        QuotaSource.parse("\"x\"", "q.json").gaps());
  }

  @Test
  void an_endpoint_is_asked_with_the_bearer_token_and_its_answer_read() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(BOTH).build());
    QuotaSource source = QuotaSource.of(new QuotaConfig(null, server.url("/quota").toString(), "QUOTA_TOKEN", 2), HTTP,
        Map.of("QUOTA_TOKEN", "s3cret"));
    assertEquals(new QuotaReading(List.of(ANTHROPIC, MOONSHOT), List.of()), source.read());
    RecordedRequest req = server.takeRequest();
    assertEquals("GET", req.getMethod());
    assertEquals("/quota", req.getTarget());
    assertEquals("Bearer s3cret", req.getHeaders().get("Authorization"));
  }

  @Test
  void an_error_status_a_refused_connection_and_a_timeout_are_gaps() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).body("down").build());
    QuotaSource source = QuotaSource.http(HTTP, server.url("/quota"), null, Duration.ofMillis(500));
    QuotaReading down = source.read();
    assertEquals(List.of("quota: GET " + server.url("/quota") + ": expected HTTP 200, found 503"), down.gaps());
    assertTrue(server.takeRequest().getHeaders().get("Authorization") == null, "no token, no header");

    server.enqueue(new MockResponse.Builder().code(200).body(BOTH).headersDelay(3, TimeUnit.SECONDS).build());
    QuotaReading slow = source.read();
    assertEquals(List.of(), slow.quotas());
    assertEquals(1, slow.gaps().size());
    assertTrue(slow.gaps().get(0).startsWith("quota: GET " + server.url("/quota") + ": "), slow.gaps().get(0));

    String url = server.url("/quota").toString();
    server.close();
    QuotaReading refused = QuotaSource.http(HTTP, okhttp3.HttpUrl.get(url), null, Duration.ofSeconds(1)).read();
    assertEquals(1, refused.gaps().size());
    assertTrue(refused.gaps().get(0).startsWith("quota: GET " + url + ": "), refused.gaps().get(0));
  }

  @Test
  void the_quota_section_wants_a_file_or_a_url_but_not_both() {
    assertEquals(List.of("quota.file: expected either file (a JSON file) or url (an http(s) endpoint), found neither"),
        new QuotaConfig(null, null, null, null).problems("quota."));
    assertEquals(List.of("quota.file: expected either file (a JSON file) or url (an http(s) endpoint), found both"),
        new QuotaConfig("/q.json", "http://q", null, null).problems("quota."));
    assertEquals(List.of("quota.file: expected an absolute path, found q.json", "quota.timeoutSeconds: expected 1..60, found 0"),
        new QuotaConfig("q.json", null, null, 0).problems("quota."));
    assertEquals(List.of(), new QuotaConfig("/etc/timmy/quota.json", null, null, null).problems("quota."));
  }
}
