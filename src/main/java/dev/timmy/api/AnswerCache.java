package dev.timmy.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.timmy.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON answers computed from one decided cycle, each serialised once: {@code agents},
 * {@code house}, {@code decisions} and {@code explain} of a subject change only when a cycle
 * finishes, so under load a request is a copy of bytes, not a walk over a 10k-issue decision.
 *
 * <p>The answers asked for in one cycle are computed for the next on the cycle's thread, before
 * the API sees it ({@link #warm}): a new cycle does not land on the readers as 2,000 answers to
 * rebuild at once, and rebuilding takes at most the cycle's core. An answer no one asked for in a
 * cycle is not carried to the next; one asked for the first time is computed by its request.
 * Bounded: past {@link #MAX} distinct answers the rest are computed per request and not kept.
 */
final class AnswerCache {
  private static final Logger LOG = LoggerFactory.getLogger(AnswerCache.class);
  static final int MAX = 4_096;
  private final ConcurrentHashMap<Object, Kept> kept = new ConcurrentHashMap<>();

  /** An answer's bytes, how to compute it from a decided cycle, and whether a request read it. */
  private static final class Kept {
    final byte[] bytes;
    final Function<Latest.Decided, Object> answer;
    volatile boolean asked;

    Kept(byte[] bytes, Function<Latest.Decided, Object> answer, boolean asked) {
      this.bytes = bytes;
      this.answer = answer;
      this.asked = asked;
    }
  }

  /**
   * The answer under {@code key} (a value with equals and hash: a string, or a record such as a
   * decision filter) in cycle {@code d}, whose cache this is: kept bytes, or {@code answer} of
   * {@code d} computed (and kept, while there is room) the first time.
   */
  byte[] get(Object key, Latest.Decided d, Function<Latest.Decided, Object> answer) {
    Kept k = kept.get(key);
    if (k != null) {
      if (!k.asked) k.asked = true; // read-mostly: no write on every hit
      return k.bytes;
    }
    byte[] bytes = bytes(answer.apply(d));
    if (kept.size() < MAX) kept.putIfAbsent(key, new Kept(bytes, answer, true));
    return bytes;
  }

  /**
   * Computes into this cache, for cycle {@code d} (not yet published), every answer a request read
   * from {@code before}. One that cannot be answered now (a subject gone: its 404) is left for its
   * next request to say; an unexpected failure is logged and left the same way, never failing the
   * cycle. Stops when the thread is interrupted (Timmy stopping). Returns how many it computed.
   */
  int warm(AnswerCache before, Latest.Decided d) {
    int warmed = 0;
    for (Map.Entry<Object, Kept> e : before.kept.entrySet()) {
      if (kept.size() >= MAX || Thread.currentThread().isInterrupted()) break;
      Kept k = e.getValue();
      if (!k.asked) continue;
      try {
        kept.putIfAbsent(e.getKey(), new Kept(bytes(k.answer.apply(d)), k.answer, false));
        warmed++;
      } catch (ApiException notNow) {
        LOG.debug("answer {} not carried to cycle {}: {}", e.getKey(), d.cycle().id(), notNow.getMessage());
      } catch (RuntimeException failed) {
        LOG.warn("answer {} not carried to cycle {} (its next request computes it): {}", e.getKey(), d.cycle().id(), failed.toString());
      }
    }
    return warmed;
  }

  /** How many answers are kept. */
  int size() {
    return kept.size();
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
