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
 */
public final class SnapshotDigest {
  private SnapshotDigest() {}

  public static String of(Snapshot snapshot) {
    try {
      byte[] json = Json.mapper().writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsBytes(snapshot);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("snapshot cannot be written as JSON: " + e.getOriginalMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
