package dev.timmy.gitea;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import dev.timmy.Json;
import dev.timmy.config.GiteaConfig;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Gitea's REST API over one shared OkHttp client: token auth, JSON through the shared mapper,
 * pages, and bounded retries. Reads are retried on timeouts, resets, 5xx, 429 and malformed
 * bodies; writes only when Gitea said it did not process them (429/503 with a short Retry-After),
 * because a write whose answer was lost may have happened — the executor's live-state check
 * covers that case instead.
 */
public final class GiteaClient {
  /** How the client waits between tries; tests pass one that records instead of sleeping. */
  public interface Sleeper {
    /** Really waits: what the service uses. */
    Sleeper THREAD = d -> Thread.sleep(d.toMillis());

    void sleep(Duration d) throws InterruptedException;
  }

  /** A successful answer: the parsed body and the headers the source uses. */
  public record Reply<T>(T body, int code, Instant serverDate, long totalCount, boolean hasNext) {}

  private static final MediaType JSON = Objects.requireNonNull(MediaType.parse("application/json; charset=utf-8"));
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final GiteaConfig config;
  private final HttpUrl api;
  private final OkHttpClient http;
  private final String token;
  private final Sleeper sleeper;
  private volatile String self;

  /** A client with its own OkHttpClient; prefer sharing one through the other constructor. */
  public GiteaClient(GiteaConfig config, String token) {
    this(config, token, new OkHttpClient(), Sleeper.THREAD);
  }

  /**
   * @param shared the application's OkHttpClient; its pool and dispatcher are reused, the
   *     timeouts come from {@code config} and OkHttp's own silent retry is turned off.
   */
  public GiteaClient(GiteaConfig config, String token, OkHttpClient shared, Sleeper sleeper) {
    this.config = Objects.requireNonNull(config, "config == null");
    HttpUrl base = HttpUrl.parse(Objects.requireNonNull(config.baseUrl(), "config.baseUrl == null"));
    if (base == null) throw new IllegalArgumentException("gitea.baseUrl: expected an http(s) URL, found " + config.baseUrl());
    this.api = base.newBuilder().addPathSegments("api/v1").build();
    this.token = token;
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
    this.http = shared.newBuilder()
        .connectTimeout(config.connectTimeout())
        .readTimeout(config.readTimeout())
        .writeTimeout(config.readTimeout())
        .callTimeout(config.callTimeout())
        .retryOnConnectionFailure(false)
        .build();
  }

  public GiteaConfig config() {
    return config;
  }

  /** {@code /api/v1/user}: the user the token belongs to. */
  public HttpUrl userUrl() {
    return api.newBuilder().addPathSegment("user").build();
  }

  /**
   * Timmy's own login: the token's user ({@code GET /user}), read once and kept. Observing and
   * acting both ask here, so a marker counts as Timmy's on the same evidence everywhere.
   */
  public String self() throws GiteaException {
    String login = self;
    if (login == null) {
      if (token == null || token.isBlank()) {
        throw new GiteaException("no Gitea token (the variable gitea.tokenEnv names is unset): Timmy's own login,"
            + " which tells its comments from copies of them, is the token's user", 0, "", null);
      }
      GiteaWire.User user = get(userUrl(), GiteaWire.User.class);
      if (user == null || user.login() == null || user.login().isBlank()) {
        throw new GiteaException("GET " + userUrl() + ": expected the token's user with a login, found " + user, 0, "", null);
      }
      login = user.login();
      self = login;
    }
    return login;
  }

  /**
   * {@code /api/v1/repos/{owner}/{repo}/...rest}; a rest part may hold slashes (a branch name),
   * each becoming a path segment as Gitea's wildcard routes expect. A segment that is empty,
   * {@code .} or {@code ..} is refused: OkHttp would resolve it and the URL would leave the repository.
   */
  public HttpUrl repoUrl(String repo, Object... rest) {
    HttpUrl.Builder b = api.newBuilder().addPathSegment("repos");
    String[] ownerName = repo.split("/", -1);
    if (ownerName.length != 2) throw new IllegalArgumentException("expected owner/repo, found " + repo);
    for (String part : ownerName) b.addPathSegment(segment(repo, part));
    for (Object part : rest) {
      for (String s : String.valueOf(part).split("/", -1)) b.addPathSegment(segment(String.valueOf(part), s));
    }
    return b.build();
  }

  private static String segment(String whole, String s) {
    if (s.isEmpty() || s.equals(".") || s.equals("..")) {
      throw new IllegalArgumentException("a path segment of " + whole + " is empty, . or ..: refused before it became a URL");
    }
    return s;
  }

  /** One GET, retried; a 4xx other than 429 fails at once. */
  public <T> Reply<T> get(HttpUrl url, JavaType type) throws GiteaException {
    return call(request("GET", url, null), type, true);
  }

  public <T> T get(HttpUrl url, Class<T> type) throws GiteaException {
    return this.<T>get(url, Json.mapper().constructType(type)).body();
  }

  /** Every item of a paged list, {@code limit} per page, following X-Total-Count or Link. */
  public <T> List<T> getAll(HttpUrl url, Class<T> item) throws GiteaException {
    return getPages(url, item, Integer.MAX_VALUE).items();
  }

  /** The items of a paged list and the server time of its first page. */
  public record Listing<T>(List<T> items, Instant serverDate) {}

  public <T> Listing<T> getPages(HttpUrl url, Class<T> item, int maxPages) throws GiteaException {
    JavaType type = Json.mapper().getTypeFactory().constructCollectionType(List.class, item);
    int limit = config.pageLimit();
    List<T> all = new ArrayList<>();
    Instant first = null;
    long total = -1;
    for (int page = 1; page <= maxPages; page++) {
      HttpUrl pageUrl = url.newBuilder().setQueryParameter("page", String.valueOf(page))
          .setQueryParameter("limit", String.valueOf(limit)).build();
      Reply<List<T>> r = get(pageUrl, type);
      List<T> items = r.body() == null ? List.of() : r.body();
      if (page == 1) first = r.serverDate();
      all.addAll(items);
      total = r.totalCount();
      // Counted by what came, not page * limit: Gitea caps limit at its MAX_RESPONSE_ITEMS and
      // pages by the capped size, so a server set below our limit still pages in full.
      boolean more = total >= 0 ? all.size() < total : r.hasNext() || items.size() >= limit;
      if (!more || items.isEmpty()) break;
    }
    if (maxPages == Integer.MAX_VALUE && total >= 0 && all.size() < total) {
      throw new GiteaException("GET " + url.encodedPath() + ": X-Total-Count said " + total + " items, the pages held "
          + all.size() + " (a page came back short or the list changed while paging)", 200, "", null);
    }
    return new Listing<>(all, first);
  }

  /** A write with a JSON body (or none); parsed answer when {@code type} is not null. */
  public <T> T send(String method, HttpUrl url, Object body, Class<T> type) throws GiteaException {
    RequestBody payload = null;
    if (body != null) {
      try {
        payload = RequestBody.create(Json.mapper().writeValueAsString(body), JSON);
      } catch (JsonProcessingException e) {
        throw new GiteaException(method + " " + url.encodedPath() + ": cannot write body " + body, 0, "", e);
      }
    } else if (!method.equals("GET") && !method.equals("DELETE")) {
      payload = RequestBody.create("", JSON);
    }
    JavaType t = type == null ? null : Json.mapper().constructType(type);
    return this.<T>call(request(method, url, payload), t, false).body();
  }

  private Request request(String method, HttpUrl url, RequestBody body) {
    Request.Builder b = new Request.Builder().url(url).method(method, body).header("Accept", "application/json");
    if (token != null && !token.isBlank()) b.header("Authorization", "token " + token);
    return b.build();
  }

  private <T> Reply<T> call(Request req, JavaType type, boolean read) throws GiteaException {
    String what = req.method() + " " + req.url().encodedPath()
        + (req.url().encodedQuery() == null ? "" : "?" + req.url().encodedQuery());
    GiteaException last = null;
    for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
      Duration wait = backoff(attempt);
      try (Response r = http.newCall(req).execute()) {
        String text = r.body().string();
        if (r.isSuccessful()) return parse(r, text, type, what);
        last = GiteaException.response(what, r.code(), r.message(), text);
        Duration after = retryAfter(r);
        if (r.code() == 429 || r.code() == 503) {
          if (after != null && after.compareTo(config.retryAfterCap()) > 0) {
            throw new GiteaException(last.getMessage() + " (Retry-After " + after.toSeconds() + " s exceeds the cap of "
                + config.retryAfterCap().toSeconds() + " s)", r.code(), last.giteaMessage(), null);
          }
          if (after == null && !read) throw last;
          if (after != null) wait = after;
        } else if (!(read && r.code() >= 500)) {
          throw last;
        }
      } catch (GiteaException e) {
        if (!read || e.status() != 200) throw e;
        last = e; // malformed body of a read: try again
      } catch (IOException e) {
        last = new GiteaException(what + ": " + e, 0, "", e);
        if (!read) throw last;
      }
      if (attempt < config.maxAttempts()) pause(wait, last);
    }
    throw new GiteaException(last.getMessage() + " (after " + config.maxAttempts() + " tries)", last.status(),
        last.giteaMessage(), last.getCause());
  }

  private <T> Reply<T> parse(Response r, String text, JavaType type, String what) throws GiteaException {
    T body = null;
    if (type != null && !text.isBlank()) {
      try {
        body = Json.mapper().readValue(text, type);
      } catch (JsonProcessingException e) {
        String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + " column "
            + e.getLocation().getColumnNr();
        throw new GiteaException(what + ": " + r.code() + " with malformed JSON" + at + ": " + e.getOriginalMessage(),
            200, "", e);
      }
    }
    Date date = r.headers().getDate("Date");
    String total = r.header("X-Total-Count");
    String link = r.header("Link");
    return new Reply<>(body, r.code(), date == null ? null : date.toInstant(),
        total == null ? -1 : parseLong(total), link != null && link.contains("rel=\"next\""));
  }

  private void pause(Duration wait, GiteaException last) throws GiteaException {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GiteaException(last.getMessage() + " (interrupted while waiting to retry)", last.status(),
          last.giteaMessage(), e);
    }
  }

  private Duration backoff(int attempt) {
    Duration d = config.retryBackoff().multipliedBy(1L << Math.min(attempt - 1, 10));
    return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
  }

  /** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(Response r) {
    String v = r.header("Retry-After");
    if (v == null || v.isBlank()) return null;
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim())));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Date now = r.headers().getDate("Date");
        Duration d = Duration.between(now == null ? Instant.now() : now.toInstant(), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (RuntimeException notADate) {
        return null;
      }
    }
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
