package dev.timmy.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Which files running processes hold open, where the OS tells. Linux: the {@code /proc/<pid>/fd}
 * links (only of processes Timmy may read — its own user's, or all when root). Elsewhere (macOS):
 * {@code lsof}, when installed; it usually is on macOS but not always, and without it nothing can
 * be told ({@link #available()} false) — callers must then treat "open" as unknown.
 */
public final class OpenFiles {
  private enum Way { PROC, LSOF, NONE }

  private static final Duration LSOF_TIMEOUT = Duration.ofSeconds(20);
  private final Way way;
  private final String lsof;

  private OpenFiles(Way way, String lsof) {
    this.way = way;
    this.lsof = lsof;
  }

  /** The best way this OS offers. */
  public static OpenFiles forThisOs() {
    if (Files.isDirectory(Path.of("/proc/self/fd"))) return new OpenFiles(Way.PROC, null);
    return lsof().map(OpenFiles::viaLsof).orElse(new OpenFiles(Way.NONE, null));
  }

  public static OpenFiles viaProc() {
    return new OpenFiles(Way.PROC, null);
  }

  public static OpenFiles viaLsof(String lsofPath) {
    return new OpenFiles(Way.LSOF, lsofPath);
  }

  public static OpenFiles unavailable() {
    return new OpenFiles(Way.NONE, null);
  }

  public static Optional<String> lsof() {
    for (String p : new String[] {"/usr/sbin/lsof", "/usr/bin/lsof", "/opt/homebrew/bin/lsof"}) {
      if (Files.isExecutable(Path.of(p))) return Optional.of(p);
    }
    return Optional.empty();
  }

  public boolean available() {
    return way != Way.NONE;
  }

  public String how() {
    return switch (way) {
      case PROC -> "/proc/*/fd";
      case LSOF -> lsof;
      case NONE -> "nothing (no /proc and no lsof)";
    };
  }

  /** Open files at or below {@code dir} (real path); empty when this OS cannot tell. */
  public Set<Path> openUnder(Path dir) throws IOException {
    return switch (way) {
      case PROC -> proc(dir);
      case LSOF -> lsofNames(lsof, "+D", dir.toString());
      case NONE -> Set.of();
    };
  }

  /** Whether {@code file} is open now; empty when this OS cannot tell. */
  public Optional<Boolean> isOpen(Path file) throws IOException {
    return switch (way) {
      case PROC -> Optional.of(proc(file).contains(file));
      case LSOF -> Optional.of(lsofNames(lsof, "--", file.toString()).contains(file));
      case NONE -> Optional.empty();
    };
  }

  private static Set<Path> proc(Path under) throws IOException {
    Set<Path> open = new HashSet<>();
    try (DirectoryStream<Path> pids = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
      for (Path pid : pids) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(pid.resolve("fd"))) {
          for (Path fd : fds) {
            Path target = Files.readSymbolicLink(fd);
            if (target.startsWith(under)) open.add(target);
          }
        } catch (IOException e) {
          // Another user's process, or one that just exited: it cannot be seen, nothing to add.
        }
      }
    }
    return open;
  }

  /** lsof's machine format: one field per line, names start with 'n'. Exit 1 means "none open". */
  private static Set<Path> lsofNames(String lsof, String flag, String target) throws IOException {
    Path out = Files.createTempFile("timmy-lsof", ".txt");
    try {
      Process p = new ProcessBuilder(lsof, "-n", "-P", "-w", "-F", "n", flag, target)
          .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      p.getOutputStream().close();
      if (!p.waitFor(LSOF_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new IOException(lsof + " did not answer within " + LSOF_TIMEOUT.toSeconds() + " s");
      }
      Set<Path> open = new HashSet<>();
      for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
        if (line.startsWith("n/")) open.add(Path.of(line.substring(1)));
      }
      return open;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(lsof + " interrupted", e);
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
