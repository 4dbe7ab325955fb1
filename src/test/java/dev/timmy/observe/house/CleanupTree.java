package dev.timmy.observe.house;

import dev.timmy.config.HouseConfig.CleanupRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A real tree for cleanup tests: {@code root/} (the configured root, 7 days) with old and young
 * files, a link to a file outside, a link to a directory outside; and {@code outside/} with old
 * files that must survive every test.
 */
public final class CleanupTree {
  public final Path base;
  public final Path root;
  public final Path outside;
  public final Instant now = Instant.now();

  public CleanupTree(Path base) throws IOException {
    this.base = base.toRealPath();
    this.root = Files.createDirectories(this.base.resolve("root"));
    this.outside = Files.createDirectories(this.base.resolve("outside"));
    old(outside.resolve("secret.log"), 1000);
    old(outside.resolve("other.log"), 1000);
    old(outside.resolve("deep.log"), 1000);
    old(root.resolve("old.log"), 4096);
    write(root.resolve("young.log"), 10, now.minus(Duration.ofDays(1)));
    Files.createDirectories(root.resolve("sub"));
    old(root.resolve("sub/deep.log"), 2048);
    Files.createSymbolicLink(root.resolve("link-to-outside.log"), outside.resolve("secret.log"));
    Files.createSymbolicLink(root.resolve("linkdir"), outside);
  }

  public List<CleanupRoot> config() {
    return List.of(new CleanupRoot(root.toString(), 7, null));
  }

  public Path old(Path file, int size) throws IOException {
    return write(file, size, now.minus(Duration.ofDays(40)));
  }

  public static Path write(Path file, int size, Instant mtime) throws IOException {
    Files.write(file, new byte[size]);
    Files.setLastModifiedTime(file, FileTime.from(mtime));
    return file;
  }

  /** Everything outside the root is still there, unchanged in size. */
  public boolean outsideIntact() throws IOException {
    for (String f : List.of("secret.log", "other.log", "deep.log")) {
      Path p = outside.resolve(f);
      if (!Files.isRegularFile(p) || Files.size(p) != 1000) return false;
    }
    return true;
  }
}
