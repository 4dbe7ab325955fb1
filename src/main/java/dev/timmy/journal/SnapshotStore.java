package dev.timmy.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timmy.Json;
import dev.timmy.facts.Snapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * Snapshots kept once each, by digest, deflated: in full, or as the {@link JsonDelta} from the
 * one stored before it (its {@code base}), so a steady cycle adds a few hundred bytes, not the
 * backlog. A chain is at most {@link #MAX_DEPTH} deltas long; after that, after a restart, or
 * when the delta is not much smaller than the whole, the snapshot is stored in full. The same
 * digest again is a reference: nothing new is written.
 */
final class SnapshotStore {
  static final int MAX_DEPTH = 32;

  /** A snapshot as stored, and what the next one's delta starts from. */
  record Stored(String digest, int depth, long bytesAdded, JsonDelta.Base base) {}

  private volatile Stored last;

  /** Stores {@code json} (canonical, with its digest) unless it is stored already; call {@link #remember} once committed. */
  Stored put(Connection c, byte[] json, String digest, Instant takenAt) throws SQLException {
    ObjectNode tree = tree(json, digest);
    JsonDelta.Base base = JsonDelta.base(tree);
    Optional<Integer> known = JournalReader.first(c, "SELECT depth FROM snapshots WHERE digest = ?", r -> r.getInt(1), digest);
    if (known.isPresent()) return new Stored(digest, known.get(), 0, base);
    Stored previous = last;
    boolean chained = previous != null && previous.depth() < MAX_DEPTH
        && JournalReader.first(c, "SELECT 1 FROM snapshots WHERE digest = ?", r -> 1, previous.digest()).isPresent();
    byte[] delta = chained ? Journal.json(JsonDelta.between(previous.base(), base)).getBytes(StandardCharsets.UTF_8) : null;
    boolean asDelta = delta != null && delta.length < json.length / 2;
    byte[] data = deflate(asDelta ? delta : json);
    int depth = asDelta ? previous.depth() + 1 : 0;
    Database.update(c, "INSERT INTO snapshots(digest, base, depth, taken_at, json_bytes, data) VALUES (?, ?, ?, ?, ?, ?)",
        digest, asDelta ? previous.digest() : null, depth, takenAt, json.length, data);
    return new Stored(digest, depth, data.length, base);
  }

  /** The next delta starts from {@code stored} (only once its transaction committed: a rolled back base is no base). */
  void remember(Stored stored) {
    last = stored;
  }

  /** The snapshot stored under {@code digest}, checked against it; empty when none is (a journal older than schema 5). */
  static Optional<Snapshot> read(Connection c, String digest) throws SQLException {
    List<Row> chain = new ArrayList<>();
    String next = digest;
    while (next != null) {
      String wanted = next;
      Optional<Row> row = JournalReader.first(c, "SELECT base, data FROM snapshots WHERE digest = ?",
          r -> new Row(r.getString(1), r.getBytes(2)), wanted);
      if (row.isEmpty()) {
        if (chain.isEmpty()) return Optional.empty();
        throw new JournalException("journal: snapshot " + digest + " is a delta from " + wanted + ", which is not stored");
      }
      chain.add(row.get());
      next = row.get().base();
      if (chain.size() > MAX_DEPTH + 1) throw new JournalException("journal: snapshot " + digest + " has a delta chain longer than " + MAX_DEPTH);
    }
    ObjectNode tree = tree(inflate(chain.get(chain.size() - 1).data(), digest), digest);
    for (int i = chain.size() - 2; i >= 0; i--) tree = JsonDelta.apply(tree, parse(inflate(chain.get(i).data(), digest), digest));
    Snapshot s;
    try {
      s = Json.mapper().treeToValue(tree, Snapshot.class);
    } catch (JsonProcessingException e) {
      throw new JournalException("journal: snapshot " + digest + " is not a snapshot: " + e.getOriginalMessage());
    }
    String found = SnapshotDigest.of(s);
    if (!found.equals(digest)) throw new JournalException("journal: snapshot " + digest + " reads back as " + found);
    return Optional.of(s);
  }

  private record Row(String base, byte[] data) {}

  private static ObjectNode tree(byte[] json, String digest) {
    JsonNode node = parse(json, digest);
    if (!(node instanceof ObjectNode o)) throw new JournalException("journal: snapshot " + digest + " is not a JSON object");
    return o;
  }

  private static JsonNode parse(byte[] json, String digest) {
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new JournalException("journal: snapshot " + digest + " is not JSON: " + e.getMessage());
    }
  }

  static byte[] deflate(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes.length / 8));
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    try (DeflaterOutputStream z = new DeflaterOutputStream(out, deflater)) {
      z.write(bytes);
    } catch (IOException e) {
      throw new IllegalStateException("deflate in memory failed", e);
    } finally {
      deflater.end();
    }
    return out.toByteArray();
  }

  private static byte[] inflate(byte[] data, String digest) {
    try (InputStream in = new InflaterInputStream(new java.io.ByteArrayInputStream(data))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new JournalException("journal: snapshot " + digest + " does not inflate: " + e.getMessage());
    }
  }
}
