package dev.timmy.gitea;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timmy.Json;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;

/**
 * A small in-memory Gitea behind MockWebServer: the endpoints Timmy uses, with Gitea's paging
 * headers, {@code since}/{@code state}/{@code type} filters, its error bodies and a server clock.
 * Faults can be queued for requests matching a predicate. Every request is recorded, for request
 * counts and the swagger contract test.
 */
public final class FakeGitea extends Dispatcher {
  /** The token's user: Timmy writes as this login here. */
  public static final String TIMMY = "timmy";
  public final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  public final Map<String, FakeRepo> repos = new TreeMap<>();
  public Instant now = Instant.parse("2026-11-23T09:00:00Z");
  /** Gitea's MAX_RESPONSE_ITEMS: a larger {@code limit} is capped to it. */
  public volatile int maxItems = 50;
  private final List<Fault> faults = new CopyOnWriteArrayList<>();
  private static final Pattern REPO = Pattern.compile("^/api/v1/repos/([^/]+)/([^/]+)(/.*)?$");

  private record Fault(Predicate<RecordedRequest> when, int[] left, MockResponse response) {}

  public FakeRepo repo(String fullName) {
    return repos.computeIfAbsent(fullName, n -> new FakeRepo(this, n));
  }

  /** The next {@code times} requests matching {@code when} get {@code response} instead. */
  public void fail(Predicate<RecordedRequest> when, int times, MockResponse response) {
    faults.add(new Fault(when, new int[] {times}, response));
  }

  /**
   * The next {@code times} requests matching {@code when} are carried out, but the connection
   * drops before the answer: the client cannot know the write happened.
   */
  public void loseAnswers(Predicate<RecordedRequest> when, int times) {
    faults.add(new Fault(when, new int[] {times}, null));
  }

  public static Predicate<RecordedRequest> path(String regex) {
    Pattern p = Pattern.compile(regex);
    return r -> p.matcher(r.getUrl().encodedPath()).find();
  }

  public void clear() {
    requests.clear();
  }

  /** Requests since the last {@link #clear}, as {@code METHOD path?query}. */
  public List<String> lines() {
    return requests.stream().map(r -> r.getMethod() + " " + r.getUrl().encodedPath()
        + (r.getUrl().encodedQuery() == null ? "" : "?" + r.getUrl().encodedQuery())).toList();
  }

  public long writes() {
    return requests.stream().filter(r -> !r.getMethod().equals("GET")).count();
  }

  @Override
  public MockResponse dispatch(RecordedRequest r) {
    requests.add(r);
    boolean lose = false;
    for (Fault f : faults) {
      synchronized (f) {
        if (f.left()[0] > 0 && f.when().test(r)) {
          f.left()[0]--;
          if (f.response() != null) return f.response();
          lose = true;
        }
      }
    }
    MockResponse answer = handle(r);
    return lose ? new MockResponse.Builder(answer).onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build()
        : answer;
  }

  private MockResponse handle(RecordedRequest r) {
    if (r.getMethod().equals("GET") && r.getUrl().encodedPath().equals("/api/v1/user")) {
      return json(200, FakeRepo.user(TIMMY));
    }
    Matcher m = REPO.matcher(r.getUrl().encodedPath());
    FakeRepo repo = m.matches() ? repos.get(m.group(1) + "/" + m.group(2)) : null;
    if (repo == null) return error(404, "The target couldn't be found.");
    try {
      return repo.handle(r, m.group(3) == null ? "" : m.group(3));
    } catch (IOException | RuntimeException e) {
      return error(500, "fake gitea: " + e);
    }
  }

  MockResponse json(int code, JsonNode body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json;charset=utf-8")
        .setHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atZone(ZoneOffset.UTC)))
        .body(body.toString()).build();
  }

  MockResponse empty(int code) {
    return new MockResponse.Builder().code(code)
        .setHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atZone(ZoneOffset.UTC))).build();
  }

  public static MockResponse error(int code, String message) {
    ObjectNode e = Json.mapper().createObjectNode().put("message", message).put("url", "http://gitea.test/api/swagger");
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json;charset=utf-8")
        .body(e.toString()).build();
  }

  /** A page of {@code items} with X-Total-Count and Link, as Gitea pages lists. */
  MockResponse page(RecordedRequest r, Stream<ObjectNode> items) {
    List<ObjectNode> all = items.toList();
    HttpUrl url = r.getUrl();
    int limit = Math.min(maxItems, intParam(url, "limit", 30));
    int page = Math.max(1, intParam(url, "page", 1));
    ArrayNode out = Json.mapper().createArrayNode();
    all.stream().skip((long) (page - 1) * limit).limit(limit).forEach(out::add);
    MockResponse.Builder b = new MockResponse.Builder(json(200, out)).setHeader("X-Total-Count", all.size());
    List<String> links = new ArrayList<>();
    if ((long) page * limit < all.size()) {
      links.add("<" + url.newBuilder().setQueryParameter("page", String.valueOf(page + 1)).build() + ">; rel=\"next\"");
    }
    if (!links.isEmpty()) b.setHeader("Link", String.join(",", links));
    return b.build();
  }

  static int intParam(HttpUrl url, String name, int fallback) {
    String v = url.queryParameter(name);
    return v == null ? fallback : Integer.parseInt(v);
  }

  static Comparator<ObjectNode> newestFirst(String field) {
    return Comparator.comparing((ObjectNode n) -> n.path(field).asText()).reversed();
  }
}
