package dev.timmy.host;

import dev.timmy.config.HouseConfig.CleanupRoot;
import dev.timmy.config.SystemDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The configured cleanup roots and the one test every cleanup path passes, at scan time and again
 * at delete time: absolute, no {@code .} or {@code ..} segment, already normalized, below a root
 * (its configured or its real path), no symlink anywhere between the root and the file, and the
 * file itself a regular file (not a link). A path that fails is refused with the reason. A root
 * that is, or resolves to, a system or home directory ({@link SystemDirs}) is refused each time.
 */
public final class CleanupRoots {
  /** A root as configured and as it really is on disk now. */
  public record Root(CleanupRoot config, Path configured, Path real) {}

  /** A path that passed: its root, where it is relative to the root, and its attributes. */
  public record Checked(Root root, Path file, Path relative, BasicFileAttributes attributes) {}

  private final List<CleanupRoot> roots;

  public CleanupRoots(List<CleanupRoot> roots) {
    this.roots = List.copyOf(roots);
  }

  public List<CleanupRoot> configured() {
    return roots;
  }

  /**
   * The root resolved now (it may have been created, moved or swapped for a link since start);
   * refused with an {@link IOException} when it is, or now leads to, a system or home directory.
   */
  public Root resolve(CleanupRoot root) throws IOException {
    Path configured = Path.of(root.root());
    Path real = configured.toRealPath();
    Optional<String> why = SystemDirs.refusal(configured, real);
    if (why.isPresent()) throw new IOException("refused cleanup root " + root.root() + ": it " + why.get());
    return new Root(root, configured, real);
  }

  /** Checks {@code path} against every root; throws {@link IllegalStateException} with the reason. */
  public Checked check(String path) throws IOException {
    Path p = syntax(path);
    List<String> why = new ArrayList<>();
    for (CleanupRoot config : roots) {
      Root root;
      try {
        root = resolve(config);
      } catch (IOException e) {
        why.add(config.root() + " cannot be resolved (" + e.getMessage() + ")");
        continue;
      }
      Path relative = p.startsWith(root.real()) ? root.real().relativize(p)
          : p.startsWith(root.configured()) ? root.configured().relativize(p) : null;
      if (relative == null || relative.toString().isEmpty()) continue;
      return new Checked(root, root.real().resolve(relative), relative, walk(root.real(), relative, path));
    }
    throw new IllegalStateException("refused " + path + ": not below a configured cleanup root"
        + (why.isEmpty() ? "" : "; " + String.join("; ", why)));
  }

  private static Path syntax(String path) {
    if (path == null || path.isBlank() || path.indexOf('\0') >= 0) {
      throw new IllegalStateException("refused: expected an absolute file path, found \"" + path + "\"");
    }
    Path p = Path.of(path);
    if (!p.isAbsolute()) throw new IllegalStateException("refused " + path + ": not an absolute path");
    for (Path part : p) {
      String s = part.toString();
      if (s.equals("..") || s.equals(".")) throw new IllegalStateException("refused " + path + ": contains a " + s + " segment");
    }
    if (!p.normalize().toString().equals(path)) throw new IllegalStateException("refused " + path + ": not normalized");
    return p;
  }

  /** Every directory from the root down must be a real directory; the file a regular file. */
  private static BasicFileAttributes walk(Path rootReal, Path relative, String path) throws IOException {
    Path at = rootReal;
    for (int i = 0; i < relative.getNameCount(); i++) {
      at = at.resolve(relative.getName(i));
      BasicFileAttributes a = Files.readAttributes(at, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      boolean last = i == relative.getNameCount() - 1;
      if (a.isSymbolicLink()) throw new IllegalStateException("refused " + path + ": " + at + " is a symbolic link");
      if (!last && !a.isDirectory()) throw new IllegalStateException("refused " + path + ": " + at + " is not a directory");
      if (last && !a.isRegularFile()) throw new IllegalStateException("refused " + path + ": not a regular file");
      if (last) return a;
    }
    throw new IllegalStateException("refused " + path + ": is a cleanup root itself");
  }
}
