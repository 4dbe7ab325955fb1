package dev.timmy.observe.house;

import dev.timmy.Bugs;
import dev.timmy.host.CleanupRoots;
import dev.timmy.host.OpenFiles;

import dev.timmy.config.HouseConfig.CleanupRoot;
import dev.timmy.facts.StaleFile;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds regular files older than each root's threshold below the configured cleanup roots. The
 * walk starts at the root's real path and never follows a symbolic link (a link to a file or to a
 * directory is skipped, not entered), so nothing outside a root is ever reported; each candidate
 * is checked once more by {@link CleanupRoots#check}. Files a process holds open are reported
 * with {@code openByProcess} so the rules can say why they stay; where the OS cannot tell
 * (macOS without lsof) that is a gap. At most {@code limit} candidates per root, oldest first.
 */
public final class CleanupScanner {
  private static final Logger LOG = LoggerFactory.getLogger(CleanupScanner.class);

  private final CleanupRoots roots;
  private final OpenFiles openFiles;
  private final int limit;

  public CleanupScanner(CleanupRoots roots, OpenFiles openFiles, int limit) {
    this.roots = roots;
    this.openFiles = openFiles;
    this.limit = limit;
  }

  public CleanupReading read(Instant now) {
    List<StaleFile> found = new ArrayList<>();
    List<String> gaps = new ArrayList<>();
    if (!roots.configured().isEmpty() && !openFiles.available()) {
      gaps.add("cleanup: this OS cannot tell which files are open (" + openFiles.how() + ")");
    }
    for (CleanupRoot root : roots.configured()) {
      try {
        found.addAll(scan(roots.resolve(root), now));
      } catch (IOException | RuntimeException e) {
        gaps.add("cleanup: root " + root.root() + " could not be scanned: " + Bugs.reason(LOG, "CleanupScanner.scan", e));
      }
    }
    return new CleanupReading(found, gaps);
  }

  private List<StaleFile> scan(CleanupRoots.Root root, Instant now) throws IOException {
    Instant cutoff = now.minus(Duration.ofDays(root.config().olderThanDays()));
    List<Path> old = new ArrayList<>();
    Files.walkFileTree(root.real(), EnumSet.noneOf(FileVisitOption.class), root.config().maxDepth(), new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
        // Without FOLLOW_LINKS a link (to a file or a directory) arrives here as a link: skip it.
        if (a.isRegularFile() && !a.isSymbolicLink() && a.lastModifiedTime().toInstant().isBefore(cutoff)) old.add(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        // Unreadable for Timmy means undeletable by Timmy too: not a candidate.
        return FileVisitResult.CONTINUE;
      }
    });
    Set<Path> open = openFiles.openUnder(root.real());
    List<StaleFile> out = new ArrayList<>();
    for (Path file : old) {
      CleanupRoots.Checked c;
      try {
        c = roots.check(file.toString());
      } catch (IllegalStateException | IOException e) {
        continue; // changed under us since the walk (removed, or now a link): not a candidate
      }
      out.add(new StaleFile(root.real().toString(), c.file().toString(), c.attributes().size(),
          c.attributes().lastModifiedTime().toInstant(), open.contains(c.file())));
    }
    out.sort(Comparator.comparing(StaleFile::modifiedAt).thenComparing(StaleFile::path));
    return out.size() > limit ? out.subList(0, limit) : out;
  }
}
