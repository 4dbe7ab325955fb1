package dev.timmy.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.timmy.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON answers computed from one decided cycle, each serialised once: {@code agents},
 * {@code house} and {@code explain} of a subject change only when a cycle finishes, so under load
 * every request after the first is a copy of bytes, not a walk over a 10k-issue decision. Bounded:
 * past {@link #MAX} distinct answers the rest are computed per request and not kept.
 */
final class AnswerCache {
  private static final Logger LOG = LoggerFactory.getLogger(AnswerCache.class);
  static final int MAX = 4_096;
  private final ConcurrentHashMap<Object, byte[]> kept = new ConcurrentHashMap<>();

  /**
   * The answer under {@code key} (a value with equals and hash: a string, or a record such as a
   * decision filter), computed (and kept, while there is room) the first time.
   */
  byte[] get(Object key, Supplier<Object> answer) {
    byte[] bytes = kept.get(key);
    if (bytes != null) return bytes;
    bytes = bytes(answer.get());
    if (kept.size() < MAX) kept.putIfAbsent(key, bytes);
    return bytes;
  }

  /**
   * Writes a JSON answer's bytes straight to the response, with their length. Javalin's
   * {@code result} copies them through a new buffer of the response's size (32 KB) on every
   * request: under 200 clients on the 10k house that was half of all the API allocated, and so
   * of its collections. A client gone before the answer is written gets nothing more.
   */
  static void send(Context ctx, byte[] bytes) {
    ctx.contentType("application/json");
    ctx.res().setContentLength(bytes.length);
    try {
      ctx.outputStream().write(bytes);
    } catch (IOException e) {
      LOG.debug("{} {}: the client left: {}", ctx.method(), ctx.path(), e.toString());
    }
  }

  private static byte[] bytes(Object answer) {
    try {
      return Json.mapper().writeValueAsBytes(answer);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an API answer always serialises: " + e.getOriginalMessage(), e);
    }
  }
}
