package dev.timmy.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.timmy.Json;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The JSON answers computed from one decided cycle, each serialised once: {@code agents},
 * {@code house} and {@code explain} of a subject change only when a cycle finishes, so under load
 * every request after the first is a copy of bytes, not a walk over a 10k-issue decision. Bounded:
 * past {@link #MAX} distinct answers the rest are computed per request and not kept.
 */
final class AnswerCache {
  static final int MAX = 4_096;
  private final ConcurrentHashMap<String, byte[]> kept = new ConcurrentHashMap<>();

  /** The answer under {@code key}, computed (and kept, while there is room) the first time. */
  byte[] get(String key, Supplier<Object> answer) {
    byte[] bytes = kept.get(key);
    if (bytes != null) return bytes;
    bytes = bytes(answer.get());
    if (kept.size() < MAX) kept.putIfAbsent(key, bytes);
    return bytes;
  }

  private static byte[] bytes(Object answer) {
    try {
      return Json.mapper().writeValueAsBytes(answer);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an API answer always serialises: " + e.getOriginalMessage(), e);
    }
  }
}
