package dev.timmy.observe.quota;

import dev.timmy.Bugs;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.timmy.Json;
import dev.timmy.config.QuotaConfig;
import dev.timmy.facts.Quota;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the providers' quotas from a JSON file or an HTTP endpoint into {@link Quota} facts. The
 * JSON is one {@code {"provider", "remaining", "limit", "resetsAt"}} object or a list of them
 * ({@code resetsAt} an ISO-8601 instant, optional). Nothing here throws: a missing file, an
 * unreachable endpoint, bad JSON or a bad entry is a gap naming where and what was expected, and
 * the good entries are still read.
 */
public final class QuotaSource {
  private static final Logger LOG = LoggerFactory.getLogger(QuotaSource.class);

  private interface Fetch {
    String text() throws IOException;
  }

  private final String where;
  private final Fetch fetch;

  private QuotaSource(String where, Fetch fetch) {
    this.where = where;
    this.fetch = fetch;
  }

  /** Quotas from {@code file}, read again at every call. */
  public static QuotaSource file(Path file) {
    return new QuotaSource(file.toString(), () -> {
      try {
        return Files.readString(file);
      } catch (NoSuchFileException e) {
        throw new IOException("expected a quota file, found none");
      }
    });
  }

  /**
   * Quotas from a GET of {@code url} (with a bearer token when {@code token} is not null), over
   * {@code http} with its call timeout replaced by {@code timeout}.
   */
  public static QuotaSource http(OkHttpClient http, HttpUrl url, String token, Duration timeout) {
    OkHttpClient client = http.newBuilder().callTimeout(timeout).build();
    return new QuotaSource("GET " + url, () -> {
      Request.Builder b = new Request.Builder().url(url).header("Accept", "application/json");
      if (token != null && !token.isBlank()) b.header("Authorization", "Bearer " + token);
      try (Response r = client.newCall(b.build()).execute()) {
        String body = r.body().string();
        if (r.code() != 200) throw new IOException("expected HTTP 200, found " + r.code());
        return body;
      }
    });
  }

  /** The source the {@code quota:} section names; {@code env} supplies its token. */
  public static QuotaSource of(QuotaConfig config, OkHttpClient http, Map<String, String> env) {
    if (config.file() != null && !config.file().isBlank()) return file(Path.of(config.file()));
    HttpUrl url = HttpUrl.parse(config.url());
    if (url == null) throw new IllegalArgumentException("quota.url: expected an http(s) URL, found " + config.url());
    return http(http, url, config.token(env).orElse(null), config.timeout());
  }

  /** This cycle's quotas; what could not be read is a gap, never an exception. */
  public QuotaReading read() {
    String text;
    try {
      text = fetch.text();
    } catch (IOException | RuntimeException e) {
      return new QuotaReading(List.of(), List.of("quota: " + where + ": " + Bugs.reason(LOG, "QuotaSource.read", e)));
    }
    return parse(text, where);
  }

  /** Parses quota JSON; {@code where} names the source in gaps. */
  public static QuotaReading parse(String text, String where) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String line = at == null || at.getLineNr() < 1 ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
      return new QuotaReading(List.of(), List.of("quota: " + where + line + ": not valid JSON: " + e.getOriginalMessage()));
    }
    if (root == null || root.isMissingNode() || !(root.isObject() || root.isArray())) {
      return new QuotaReading(List.of(), List.of("quota: " + where
          + ": expected an object {provider, remaining, limit, resetsAt} or a list of them, found " + describe(root)));
    }
    List<Quota> quotas = new ArrayList<>();
    List<String> gaps = new ArrayList<>();
    List<JsonNode> items = new ArrayList<>();
    if (root.isArray()) root.forEach(items::add);
    else items.add(root);
    for (int i = 0; i < items.size(); i++) {
      String at = "quota: " + where + ": " + (root.isArray() ? "[" + i + "]" : "");
      try {
        quotas.add(entry(items.get(i)));
      } catch (IllegalArgumentException e) {
        gaps.add(at + (root.isArray() ? "." : "") + e.getMessage());
      }
    }
    return new QuotaReading(quotas, gaps);
  }

  private static Quota entry(JsonNode n) {
    if (!n.isObject()) throw new IllegalArgumentException("entry: expected an object, found " + describe(n));
    JsonNode provider = n.get("provider");
    if (provider == null || !provider.isTextual() || provider.asText().isBlank()) {
      throw new IllegalArgumentException("provider: expected a provider name, found " + describe(provider));
    }
    double remaining = number(n, "remaining");
    double limit = number(n, "limit");
    if (remaining < 0) throw new IllegalArgumentException("remaining: expected 0 or more, found " + remaining);
    if (limit <= 0) throw new IllegalArgumentException("limit: expected more than 0, found " + limit);
    Instant resets = null;
    JsonNode r = n.get("resetsAt");
    if (r != null && !r.isNull()) {
      try {
        resets = Instant.parse(r.asText());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("resetsAt: expected an ISO-8601 instant like 2026-11-23T14:00:00Z, found " + describe(r));
      }
    }
    return new Quota(provider.asText().strip(), remaining, limit, resets);
  }

  private static double number(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isNumber()) throw new IllegalArgumentException(field + ": expected a number, found " + describe(v));
    return v.asDouble();
  }

  private static String describe(JsonNode n) {
    if (n == null || n.isMissingNode()) return "nothing";
    if (n.isNull()) return "null";
    if (n.isTextual()) return "\"" + n.asText() + "\"";
    if (n.isObject()) return "an object";
    if (n.isArray()) return "a list";
    return n.asText();
  }
}
