package dev.timmy.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;

/** Recorded Ollama replies (in the shapes of Ollama's docs/api.md) and a client for a mock server. */
public final class OllamaFixtures {
  private OllamaFixtures() {}

  public static String json(String name) {
    try (InputStream in = OllamaFixtures.class.getResourceAsStream("/ollama/" + name)) {
      if (in == null) throw new IllegalStateException("test resource /ollama/" + name + " missing");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static MockResponse ok(String body) {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json; charset=utf-8").body(body).build();
  }

  public static OllamaClient client(MockWebServer server) {
    OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(2)).build();
    return new OllamaClient(http, server.url("/").toString(), "qwen3:8b", "qwen3:14b", Duration.ofSeconds(3));
  }
}
