package dev.timmy.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.timmy.Json;
import dev.timmy.facts.Snapshot;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a snapshot as the one JSON mapper writes it: equal snapshots, equal digests. Map
 * entries are written sorted by key, since immutable maps iterate in a different order per JVM.
 * That JSON is also the form the journal stores ({@link #canonical}).
 */
public final class SnapshotDigest {
  private SnapshotDigest() {}

  public static String of(Snapshot snapshot) {
    return of(canonical(snapshot));
  }

  /** The snapshot's canonical JSON (map entries by key). */
  static byte[] canonical(Snapshot snapshot) {
    try {
      return Json.mapper().writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsBytes(snapshot);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("snapshot cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  static String of(byte[] canonicalJson) {
    return HexFormat.of().formatHex(sha256(canonicalJson));
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
