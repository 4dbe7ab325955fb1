package dev.timmy.act.house;

import dev.timmy.act.ActionRefused;
import dev.timmy.act.Target;
import dev.timmy.decide.ActionKind;
import dev.timmy.decide.ProposalItem;
import dev.timmy.facts.Subjects;
import dev.timmy.host.CleanupRoots;
import dev.timmy.host.OpenFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Deletes one stale file, named by the subject {@code file:<path>} (a {@code path} parameter must agree).
 * Everything the scan checked is checked again now (the file may have changed since): below a
 * configured root, no {@code ..}, no symlink on the way, a regular file, still older than its
 * root's threshold, not open by a process (and where the OS cannot tell, not deleted at all).
 * Where the JDK offers a {@link SecureDirectoryStream} (Linux) the deletion walks down from the
 * root with no-follow opens and unlinks relative to the opened directory, so a directory swapped
 * for a link after the check cannot redirect it; elsewhere (macOS, whose JDK has no
 * SecureDirectoryStream) it walks every component again without following links right before
 * deleting, which leaves a window of microseconds between that walk and the unlink.
 * Whatever fails a check is refused ({@link ActionRefused}) and nothing is deleted.
 */
public final class FileTarget implements Target {
  private final CleanupRoots roots;
  private final OpenFiles openFiles;
  private final Clock clock;
  private final boolean secureWhereOffered;

  public FileTarget(CleanupRoots roots, OpenFiles openFiles, Clock clock) {
    this(roots, openFiles, clock, true);
  }

  /** {@code secureWhereOffered} false forces the macOS way, so Linux tests can cover it too. */
  FileTarget(CleanupRoots roots, OpenFiles openFiles, Clock clock, boolean secureWhereOffered) {
    this.roots = roots;
    this.openFiles = openFiles;
    this.clock = clock;
    this.secureWhereOffered = secureWhereOffered;
  }

  @Override
  public Set<ActionKind> kinds() {
    return Set.of(ActionKind.DELETE_FILE);
  }

  /**
   * Every check {@link #perform} makes, without deleting, so dry-run refuses what live refuses: a
   * subject that names no file, a path outside the roots or behind a link, a root that leads to a
   * system directory, a file too young or open. A file already gone is no refusal: it is done.
   */
  @Override
  public Optional<String> refusal(ProposalItem proposal) throws IOException {
    try {
      deletable(path(proposal));
      return Optional.empty();
    } catch (ActionRefused e) {
      return Optional.of(e.getMessage());
    } catch (NoSuchFileException e) {
      return Optional.empty(); // gone below its root: already done, as alreadyDone says
    }
  }

  @Override
  public boolean alreadyDone(ProposalItem proposal) throws ActionRefused {
    return Files.notExists(Path.of(path(proposal)), LinkOption.NOFOLLOW_LINKS);
  }

  @Override
  public String perform(ProposalItem proposal) throws IOException {
    String path = path(proposal);
    CleanupRoots.Checked c = deletable(path);
    Duration age = Duration.between(c.attributes().lastModifiedTime().toInstant(), clock.instant());
    long size = delete(c);
    return "deleted " + path + " (" + size + " bytes, " + age.toDays() + " days old, modified "
        + c.attributes().lastModifiedTime().toInstant() + ")";
  }

  /** The path checked below its root, old enough and not open; refused otherwise. */
  private CleanupRoots.Checked deletable(String path) throws IOException {
    CleanupRoots.Checked c = check(path);
    Instant now = clock.instant();
    Instant modified = c.attributes().lastModifiedTime().toInstant();
    Duration age = Duration.between(modified, now);
    int days = c.root().config().olderThanDays();
    if (age.compareTo(Duration.ofDays(days)) < 0) {
      throw new ActionRefused("refused " + path + ": modified " + modified + ", younger than the root's " + days + " days");
    }
    Optional<Boolean> open = openFiles.isOpen(c.file());
    if (open.isEmpty()) throw new ActionRefused("refused " + path + ": cannot tell whether it is open (" + openFiles.how() + ")");
    if (open.get()) throw new ActionRefused("refused " + path + ": open by a running process");
    return c;
  }

  /**
   * Deletes a checked file without following links; returns the size it had just before. Called
   * after {@link CleanupRoots#check}: whatever changed since is caught here.
   */
  long delete(CleanupRoots.Checked c) throws IOException {
    if (secureWhereOffered) {
      try (DirectoryStream<Path> top = Files.newDirectoryStream(c.root().real())) {
        if (top instanceof SecureDirectoryStream<Path> secure) return deleteBelow(secure, c.relative(), c.file());
      }
    }
    // No openat here: walk every component again without following links, then delete at once.
    CleanupRoots.Checked again = check(c.file().toString());
    Files.delete(again.file());
    return again.attributes().size();
  }

  private static long deleteBelow(SecureDirectoryStream<Path> root, Path relative, Path file) throws IOException {
    SecureDirectoryStream<Path> dir = root;
    try {
      for (int i = 0; i < relative.getNameCount() - 1; i++) {
        SecureDirectoryStream<Path> next;
        try {
          next = dir.newDirectoryStream(relative.getName(i), LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
          throw new ActionRefused("refused " + file + ": " + relative.getName(i) + " is no longer a plain directory ("
              + e.getMessage() + ")", e);
        }
        if (dir != root) dir.close();
        dir = next;
      }
      Path name = relative.getFileName();
      BasicFileAttributes a;
      try {
        a = dir.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).readAttributes();
      } catch (NoSuchFileException e) {
        throw new ActionRefused("refused " + file + ": it vanished before deletion", e);
      }
      if (!a.isRegularFile()) throw new ActionRefused("refused " + file + ": no longer a regular file");
      // unlinkat on the opened directory: if the name became a link meanwhile, the link goes, not its target.
      dir.deleteFile(name);
      return a.size();
    } finally {
      if (dir != root) dir.close();
    }
  }

  /** {@link CleanupRoots} says why a path fails with an IllegalStateException: here that is a refusal. */
  private CleanupRoots.Checked check(String path) throws IOException {
    try {
      return roots.check(path);
    } catch (IllegalStateException e) {
      throw new ActionRefused(e.getMessage());
    }
  }

  private static String path(ProposalItem p) throws ActionRefused {
    String path = Subjects.filePath(p.subject())
        .orElseThrow(() -> new ActionRefused(p.id() + ": expected subject file:<path>, found " + p.subject()));
    if (!p.param("path").isBlank() && !p.param("path").equals(path)) {
      throw new ActionRefused(p.id() + ": path parameter " + p.param("path") + " differs from the subject's " + path);
    }
    return path;
  }
}
