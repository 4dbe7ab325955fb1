package dev.timmy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timmy.Json;
import dev.timmy.service.ServeOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every error at the edge, Jetty's own included, is the API's JSON error record; raw sockets send what no client would. */
class EdgeTest {
  @TempDir static Path dir;
  static Harness h;

  @BeforeAll
  static void serve() throws Exception {
    h = Harness.start(Harness.demoConfig(dir.resolve("timmy.db"), Path.of("rules")), Harness.secrets(), ServeOptions.defaults());
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private record Raw(int status, String headers, String body) {
    JsonNode json() throws IOException {
      return Json.mapper().readTree(body);
    }
  }

  /** Sends {@code request} as bytes and reads the answer until the server closes or the body is complete. */
  private static Raw send(String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", h.service.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) > 0) {
        all.write(buf, 0, n);
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end > 0) {
          String head = text.substring(0, end).toLowerCase(Locale.ROOT);
          int cl = head.indexOf("content-length:");
          if (cl > 0) {
            int len = Integer.parseInt(head.substring(cl + 15, head.indexOf('\n', cl) < 0 ? head.length() : head.indexOf('\n', cl)).trim());
            if (all.size() >= end + 4 + len) break;
          }
        }
      }
      String text = all.toString(StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      assertTrue(end > 0, "an HTTP answer: " + text);
      return new Raw(Integer.parseInt(text.substring(9, 12)), text.substring(0, end), text.substring(end + 4));
    }
  }

  private static void assertJsonError(Raw r, int status, String code) throws IOException {
    assertEquals(status, r.status(), r.headers() + "\n" + r.body());
    assertTrue(r.headers().toLowerCase(Locale.ROOT).contains("content-type: application/json"), r.headers());
    JsonNode json = r.json();
    assertEquals(code, json.get("code").asText(), r.body());
    assertTrue(json.get("message").asText().length() > 0, r.body());
    assertEquals(2, json.size(), "exactly code and message: " + r.body());
  }

  @Test
  void a_uri_too_long_is_a_json_414() throws IOException {
    assertJsonError(send("GET /api/health?x=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"), 414, "uri_too_long");
  }

  @Test
  void headers_too_large_are_a_json_431() throws IOException {
    assertJsonError(send("GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n"), 431, "headers_too_large");
  }

  @Test
  void a_bad_escape_in_the_path_is_a_json_400() throws IOException {
    assertJsonError(send("GET /api/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 400, "bad_request");
  }

  @Test
  void a_request_line_that_is_not_http_is_a_json_error() throws IOException {
    assertJsonError(send("GET /api/he\u0001alth HTTP/1.1\r\nHost: x\r\n\r\n"), 400, "bad_request");
    assertJsonError(send("GET /api/health HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n"), 400, "bad_request");
    assertJsonError(send("HELLO THERE\r\n\r\n"), 505, "http_version_not_supported");
    assertJsonError(send("GET /api/health HTTP/9.9\r\nHost: x\r\n\r\n"), 505, "http_version_not_supported");
  }

  @Test
  void no_such_route_and_a_wrong_method_are_json_too() throws IOException {
    assertJsonError(send("GET /nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 404, "not_found");
    assertJsonError(send("DELETE /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 405, "method_not_allowed");
  }
}
