package dev.timmy.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timmy.Json;
import dev.timmy.config.JournalConfig;
import dev.timmy.config.Secrets;
import dev.timmy.config.ServiceConfig;
import dev.timmy.config.TimmyConfig;
import dev.timmy.gitea.WebhookVerifier;
import dev.timmy.service.ServeOptions;
import dev.timmy.service.Service;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A real Timmy service in-process on a free port, driven over HTTP with OkHttp. Every answer is
 * checked against openapi.yaml (documented status, documented shape) and kept, so a test can look
 * for leaked secrets in all of them.
 */
public final class Harness implements AutoCloseable {
  public static final String ADMIN_TOKEN = "adm-Zq81xv-never-served";
  public static final String WEBHOOK_SECRET = "whk-Pw47rt-never-served";
  private static final MediaType JSON = MediaType.get("application/json");

  /** One answer: status, body text, the body as JSON when it is JSON, and the headers in one string. */
  public record Reply(int code, String body, JsonNode json, String contentType, String headers) {}

  public final Service service;
  public final List<String> seen = new CopyOnWriteArrayList<>();
  private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(90))
      .readTimeout(Duration.ofSeconds(90)).build(); // a simulate on a loaded 2-core CI machine can take longer than 10 s
  private final OpenApiDoc doc = new OpenApiDoc();

  private Harness(Service service) {
    this.service = service;
  }

  /** The embedded demo config with its journal and rules where the test says, and a long period. */
  public static TimmyConfig demoConfig(Path journal, Path rulesDir) {
    TimmyConfig d = TimmyConfig.demo();
    return new TimmyConfig(d.owner(), d.agents(), null, null,
        new ServiceConfig(8377, "127.0.0.1", 3600, false, rulesDir.toString(), "fixtures/demo"), d.budgets(),
        new JournalConfig(journal.toString(), 30));
  }

  /** A copy of the bundled rules at {@code to}, for a test that edits them. */
  public static Path copyOfRules(Path to) throws IOException {
    java.nio.file.Files.createDirectories(to);
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(Path.of("rules"))) {
      for (Path f : files.toList()) java.nio.file.Files.copy(f, to.resolve(f.getFileName()));
    }
    return to;
  }

  public static Secrets secrets() {
    return new Secrets(ADMIN_TOKEN, WEBHOOK_SECRET, null);
  }

  /** Starts the service on a free port and waits for its first cycle. */
  public static Harness start(TimmyConfig config, Secrets secrets, ServeOptions options) throws Exception {
    Harness h = new Harness(Service.assemble(config, secrets, options.port(0)).start());
    h.awaitFirstCycle();
    return h;
  }

  /** Starts the service on a free port and runs cycles until one decides (a cold first one may overrun a short deadline). */
  public static Harness startDeciding(TimmyConfig config, Secrets secrets, ServeOptions options) throws Exception {
    Harness h = new Harness(Service.assemble(config, secrets, options.port(0)).start());
    for (int i = 0; i < 5 && h.service.latest().decided().isEmpty(); i++) {
      try {
        h.service.loop().triggerNow("test").get();
      } catch (java.util.concurrent.ExecutionException ignored) {
        // a failed cycle: try again, the JVM is warmer now
      }
    }
    h.awaitFirstCycle();
    return h;
  }

  public void awaitFirstCycle() throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (service.latest().decided().isEmpty()) {
      if (System.nanoTime() > until) throw new AssertionError("no cycle decided within 60 s: " + service.loop().status());
      Thread.sleep(20);
    }
  }

  public String url(String path) {
    return "http://127.0.0.1:" + service.port() + path;
  }

  public Reply get(String path) throws IOException {
    return call(new Request.Builder().url(url(path)).build());
  }

  /** A POST with a JSON body; {@code token} null sends no Authorization header. */
  public Reply post(String path, String json, String token) throws IOException {
    Request.Builder b = new Request.Builder().url(url(path)).post(RequestBody.create(json, JSON));
    if (token != null) b.header("Authorization", "Bearer " + token);
    return call(b.build());
  }

  public Reply admin(String path, String json) throws IOException {
    return post(path, json, ADMIN_TOKEN);
  }

  /** A Gitea delivery of {@code body}, signed with {@code secret} (null: no signature header), under a new delivery id. */
  public Reply webhook(String body, String secret) throws IOException {
    return webhook(body, secret, java.util.UUID.randomUUID().toString());
  }

  /** A Gitea delivery with the delivery id {@code delivery} (null: no X-Gitea-Delivery header). */
  public Reply webhook(String body, String secret, String delivery) throws IOException {
    byte[] raw = body.getBytes(StandardCharsets.UTF_8);
    Request.Builder b = new Request.Builder().url(url("/webhooks/gitea")).post(RequestBody.create(raw, JSON))
        .header("X-Gitea-Event", "issues");
    if (delivery != null) b.header(WebhookVerifier.DELIVERY, delivery);
    if (secret != null) b.header(WebhookVerifier.HEADER, new WebhookVerifier(secret).sign(raw));
    return call(b.build());
  }

  private Reply call(Request request) throws IOException {
    try (Response r = http.newCall(request).execute()) {
      String body = r.body().string();
      String type = r.header("Content-Type");
      JsonNode json = type != null && type.startsWith("application/json") && !body.isEmpty() ? Json.mapper().readTree(body) : null;
      seen.add(body);
      seen.add(r.headers().toString());
      String path = request.url().encodedPath();
      if (doc.template(path) != null) doc.check(request.method(), path, r.code(), type, json);
      return new Reply(r.code(), body, json, type, r.headers().toString());
    }
  }

  @Override
  public void close() {
    service.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
