package dev.timmy.cycle;

import dev.timmy.decide.RuleBook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Hot reload by a content digest of {@code rules/*.drl}, taken before each cycle. Chosen over a
 * {@link java.nio.file.WatchService}: on macOS (Hermes) the JDK's watch service only polls every
 * few seconds; editors save by writing a temp file and renaming it over the original, which a
 * watch may report as delete+create or not at all; and events arrive mid-save. A digest read
 * at the cycle boundary sees exactly what the next cycle will evaluate, costs a dozen small file
 * reads, needs no thread, and also catches edits within one mtime tick. A failed reload keeps
 * the old rules (the RuleBook does that) and is not retried until the files change again; its
 * errors stay visible through {@link RuleBook#errors()}.
 */
public final class RulesWatcher {
  private final RuleBook book;
  private String seen;

  /** Takes the current digest as already loaded: construct it right after opening the book. */
  public RulesWatcher(RuleBook book) {
    this.book = book;
    this.seen = digest(book.dir());
  }

  /** Reloads the book when the rule files changed since the last look; empty when they did not. */
  public synchronized Optional<RuleBook.Reload> refresh() {
    String now = digest(book.dir());
    if (now.equals(seen)) return Optional.empty();
    seen = now;
    return Optional.of(book.reload());
  }

  /** The digest of the rule files as last seen. */
  public synchronized String seen() {
    return seen;
  }

  static String digest(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      List<Path> drl = files.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted().toList();
      for (Path f : drl) {
        sha.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(Files.readAllBytes(f));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      // Unreadable counts as a change: the reload then reports the problem through the book.
      return "unreadable: " + e.getMessage();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
