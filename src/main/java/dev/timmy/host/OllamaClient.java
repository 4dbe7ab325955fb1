package dev.timmy.host;

import dev.timmy.Bugs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timmy.Json;
import dev.timmy.facts.ModelRole;
import dev.timmy.facts.OllamaDown;
import dev.timmy.facts.OllamaModel;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ollama's HTTP API: {@code GET /api/tags} (models on disk), {@code GET /api/ps} (models in
 * memory) and {@code POST /api/generate} without a prompt (load with a keep-alive, or unload with
 * {@code keep_alive: 0}) and {@code POST /api/chat} (one answer, shaped by a JSON schema in
 * {@code format}). {@link #read()} never throws: a refused connection, a timeout, an error
 * status or a body that is not Ollama's JSON becomes an {@link OllamaDown} fact.
 */
public final class OllamaClient {
  private static final Logger LOG = LoggerFactory.getLogger(OllamaClient.class);
  private static final MediaType JSON = MediaType.get("application/json");

  /** A model in memory, as {@code /api/ps} lists it. */
  public record Running(String name, long size, long sizeVram, Instant expiresAt) {}

  /** The one JSON object {@code /api/generate} answers with when {@code stream} is false. */
  public record Generated(String model, boolean done, String doneReason) {}

  /** The one JSON object {@code /api/chat} answers with when {@code stream} is false: the assistant's content. */
  public record Chat(String model, String content, String doneReason) {}

  /** One message of a chat: {@code role} is system, user or assistant. */
  public record Message(String role, String content) {}

  private final OkHttpClient http;
  private final HttpUrl base;
  private final String fastModel;
  private final String complexModel;
  private final Duration loadTimeout;

  /**
   * {@code http} is the one shared client (its timeouts apply to tags and ps); a load may take up
   * to {@code loadTimeout}, since reading a 14B model from disk takes a while.
   */
  public OllamaClient(OkHttpClient http, String baseUrl, String fastModel, String complexModel, Duration loadTimeout) {
    HttpUrl parsed = HttpUrl.parse(baseUrl);
    if (parsed == null) throw new IllegalArgumentException("ollamaUrl: expected an http(s) URL, found " + baseUrl);
    this.http = http;
    this.base = parsed;
    this.fastModel = fastModel;
    this.complexModel = complexModel;
    this.loadTimeout = loadTimeout;
  }

  /** Every model Ollama has, loaded or not, with its role; or why Ollama could not say. */
  public OllamaReading read() {
    try {
      Map<String, OllamaModel> byName = new LinkedHashMap<>();
      for (JsonNode m : models(get("api/tags"), "/api/tags")) {
        String name = text(m, "name", "/api/tags");
        byName.put(name, new OllamaModel(name, roleOf(name), number(m, "size", "/api/tags"), false, 0, null));
      }
      for (Running r : running()) {
        byName.put(r.name(), new OllamaModel(r.name(), roleOf(r.name()), r.size(), true, r.sizeVram(), r.expiresAt()));
      }
      return new OllamaReading(new ArrayList<>(byName.values()), null);
    } catch (IOException | RuntimeException e) {
      // Down is an observation, not a failure of Timmy: the rules decide what it means.
      return new OllamaReading(List.of(), new OllamaDown("Ollama at " + base + ": " + Bugs.reason(LOG, "OllamaClient.read", e)));
    }
  }

  /** The models in memory now. */
  public List<Running> running() throws IOException {
    List<Running> out = new ArrayList<>();
    for (JsonNode m : models(get("api/ps"), "/api/ps")) {
      String name = text(m, "name", "/api/ps");
      out.add(new Running(name, number(m, "size", "/api/ps"), m.path("size_vram").asLong(0), instant(m.get("expires_at"))));
    }
    return out;
  }

  /** True when {@code model} is in memory (names compared with Ollama's default tag). */
  public boolean loaded(String model) throws IOException {
    String wanted = canonical(model);
    return running().stream().anyMatch(r -> canonical(r.name()).equals(wanted));
  }

  /**
   * Loads or unloads {@code model}: {@code keepAlive} "0" unloads, a duration like "30m" loads and
   * keeps it that long. No prompt, no stream: Ollama answers one object.
   */
  public Generated generate(String model, String keepAlive) throws IOException {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("model", model);
    if (keepAlive.equals("0")) body.put("keep_alive", 0);
    else body.put("keep_alive", keepAlive);
    body.put("stream", false);
    Request request = new Request.Builder().url(base.newBuilder().addPathSegments("api/generate").build())
        .post(RequestBody.create(Json.mapper().writeValueAsString(body), JSON)).build();
    Call call = http.newCall(request);
    call.timeout().timeout(loadTimeout.toMillis(), TimeUnit.MILLISECONDS);
    JsonNode reply = send(call, "/api/generate");
    if (!reply.isObject()) throw new IOException("/api/generate: expected a JSON object, found " + abbreviate(reply.toString()));
    return new Generated(reply.path("model").asText(model), reply.path("done").asBoolean(false),
        reply.path("done_reason").asText(""));
  }

  /**
   * Asks {@code model} once, without streaming, for an answer shaped by the JSON schema
   * {@code format}, at temperature 0; the whole call may take up to {@code timeout}. Throws on a
   * timeout, an error status or a reply that is not Ollama's chat object; the content itself is
   * returned as the model wrote it (possibly empty or not JSON): judging it is the caller's part.
   */
  public Chat chat(String model, List<Message> messages, JsonNode format, Duration timeout) throws IOException {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("model", model);
    var list = body.putArray("messages");
    for (Message m : messages) list.addObject().put("role", m.role()).put("content", m.content());
    body.put("stream", false);
    body.set("format", format);
    body.putObject("options").put("temperature", 0);
    Request request = new Request.Builder().url(base.newBuilder().addPathSegments("api/chat").build())
        .post(RequestBody.create(Json.mapper().writeValueAsString(body), JSON)).build();
    Call call = http.newCall(request);
    call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    JsonNode reply = send(call, "/api/chat");
    JsonNode content = reply.path("message").path("content");
    if (!reply.isObject() || !content.isTextual()) {
      throw new IOException("/api/chat: expected {\"message\": {\"content\": ...}}, found " + abbreviate(reply.toString()));
    }
    return new Chat(reply.path("model").asText(model), content.asText(), reply.path("done_reason").asText(""));
  }

  public ModelRole roleOf(String name) {
    String c = canonical(name);
    if (c.equals(canonical(fastModel))) return ModelRole.FAST;
    if (c.equals(canonical(complexModel))) return ModelRole.COMPLEX;
    return ModelRole.OTHER;
  }

  /** Ollama's names default the tag to {@code latest}: "llama3" and "llama3:latest" are one model. */
  public static String canonical(String name) {
    return name.contains(":") ? name : name + ":latest";
  }

  private JsonNode get(String path) throws IOException {
    Request request = new Request.Builder().url(base.newBuilder().addPathSegments(path).build()).get().build();
    return send(http.newCall(request), "/" + path);
  }

  private static JsonNode send(Call call, String what) throws IOException {
    try (Response response = call.execute()) {
      String text = response.body().string();
      if (!response.isSuccessful()) {
        String error = errorOf(text);
        throw new IOException(what + " answered HTTP " + response.code() + (error.isEmpty() ? "" : ": " + error));
      }
      try {
        return Json.mapper().readTree(text);
      } catch (IOException e) {
        throw new IOException(what + ": expected JSON, found " + abbreviate(text), e);
      }
    }
  }

  private static String errorOf(String text) {
    try {
      return Json.mapper().readTree(text).path("error").asText("");
    } catch (IOException e) {
      return abbreviate(text);
    }
  }

  private static Iterable<JsonNode> models(JsonNode reply, String what) throws IOException {
    JsonNode models = reply == null ? null : reply.get("models");
    if (models == null || !models.isArray()) {
      throw new IOException(what + ": expected {\"models\": [...]}, found " + abbreviate(String.valueOf(reply)));
    }
    return models;
  }

  private static String text(JsonNode m, String field, String what) throws IOException {
    JsonNode v = m.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new IOException(what + ": expected a model with a \"" + field + "\" string, found " + abbreviate(m.toString()));
    }
    return v.asText();
  }

  private static long number(JsonNode m, String field, String what) throws IOException {
    JsonNode v = m.get(field);
    if (v == null || !v.canConvertToLong()) {
      throw new IOException(what + ": expected a model with a \"" + field + "\" number, found " + abbreviate(m.toString()));
    }
    return v.asLong();
  }

  private static Instant instant(JsonNode v) throws IOException {
    if (v == null || v.isNull() || v.asText().isBlank()) return null;
    try {
      return OffsetDateTime.parse(v.asText()).toInstant();
    } catch (DateTimeParseException e) {
      throw new IOException("/api/ps: expected an RFC 3339 expires_at, found " + v.asText(), e);
    }
  }

  static String abbreviate(String text) {
    String one = text.replaceAll("\\s+", " ").strip();
    return one.length() > 200 ? one.substring(0, 197) + "…" : one;
  }
}
