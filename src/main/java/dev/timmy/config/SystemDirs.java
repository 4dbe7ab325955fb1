package dev.timmy.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Directories no cleanup root may be, on Linux and macOS alike: the operating system's trees
 * (nothing at or below {@code /etc}, {@code /usr}, {@code /System}, …), the shared tops that hold
 * everyone's data ({@code /}, {@code /var}, {@code /home}, {@code /Users}, …, themselves), every
 * home directory itself (a child of {@code /home} or {@code /Users}, {@code /root}, {@code $HOME})
 * and any directory above {@code $HOME}. Paths are compared case-insensitively (APFS is). The
 * same test runs on the configured path, on its real path at start, and again at every scan and
 * deletion, so a root that becomes a link to {@code /etc} later is refused then.
 */
public final class SystemDirs {
  /** Refused with everything below them. */
  private static final List<String> TREES = List.of(
      "/etc", "/usr", "/bin", "/sbin", "/boot", "/proc", "/sys", "/dev", "/run", "/snap", "/nix",
      "/System", "/private/etc", "/Library/Apple", "/opt/homebrew", "/opt/local", "/cores");

  /** Refused themselves; directories below them may be roots. */
  private static final List<String> TOPS = List.of(
      "/", "/var", "/var/tmp", "/var/log", "/var/lib", "/tmp", "/opt", "/root", "/home", "/Users", "/srv", "/mnt",
      "/media", "/Volumes", "/Library", "/Applications", "/Network", "/private", "/private/var", "/private/tmp",
      "/lost+found");

  private SystemDirs() {}

  /** This user's home directories: Java's {@code user.home} and {@code $HOME} when they differ. */
  public static List<String> homes() {
    return Stream.of(System.getProperty("user.home"), System.getenv("HOME"))
        .filter(h -> h != null && !h.isBlank()).distinct().toList();
  }

  /** The test against each of this user's home directories ({@link #homes}). */
  public static Optional<String> refusal(Path dir) {
    for (String home : homes()) {
      Optional<String> why = refusal(dir, home);
      if (why.isPresent()) return why;
    }
    return homes().isEmpty() ? refusal(dir, (String) null) : Optional.empty();
  }

  /** Why {@code dir} (absolute, normalized) may not be a cleanup root; empty when it may. */
  public static Optional<String> refusal(Path dir, String home) {
    String p = lower(dir.normalize().toString());
    for (String tree : TREES) {
      String t = lower(tree);
      if (p.equals(t) || p.startsWith(t + "/")) return Optional.of("is inside the system directory " + tree);
    }
    if (p.matches("/lib[^/]*(/.*)?")) return Optional.of("is inside the system libraries " + p.replaceAll("^(/lib[^/]*).*", "$1"));
    for (String top : TOPS) {
      if (p.equals(lower(top))) return Optional.of("is the system directory " + top + " itself");
    }
    if (p.matches("/(home|users)/[^/]+")) return Optional.of("is a home directory itself");
    if (home != null && !home.isBlank()) {
      String h = lower(Path.of(home).normalize().toString());
      if (p.equals(h)) return Optional.of("is the home directory $HOME itself");
      if (h.startsWith(p + "/")) return Optional.of("holds the home directory $HOME");
    }
    return Optional.empty();
  }

  /**
   * The same test on the configured path and, where it exists, on its real path (links
   * resolved): {@code /srv/logs -> /etc} is refused as /etc. Empty when both may be roots.
   */
  public static Optional<String> refusalResolved(Path configured) {
    try {
      return refusal(configured, configured.toRealPath());
    } catch (IOException e) {
      return refusal(configured); // absent for now: checked again at every scan
    }
  }

  /** The test on a root as configured and as it really is. */
  public static Optional<String> refusal(Path configured, Path real) {
    return refusal(configured).or(() -> refusal(real).map(why -> "resolves to " + real + ", which " + why));
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
