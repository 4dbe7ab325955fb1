package dev.timmy.config;

import dev.timmy.facts.LoopKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code house:} section of timmy.yml: Ollama and its two model roles, the processes to
 * watch (and the fewer Timmy may stop), the file systems to report, cleanup roots, the automation
 * loops, and timeouts. Rules name models and loops; only this section says where they are and how
 * a loop is restarted. Every component may be absent in YAML: the compact constructor fills the
 * defaults, and {@link #problems} reports what is wrong with the key that holds it.
 */
public record HouseConfig(
    String ollamaUrl,
    String fastModel,
    String complexModel,
    String keepAlive,
    List<String> watchedProcesses,
    List<String> stoppableProcesses,
    List<String> disks,
    List<CleanupRoot> cleanup,
    List<LoopSpec> loops,
    Timeouts timeouts,
    Integer restartWindowMinutes) {

  /**
   * A directory whose regular files older than {@code olderThanDays} (default 14) are cleanup
   * candidates, {@code maxDepth} (default 8) levels down. Left out (null) means the default; a
   * value out of range is a problem, never silently replaced.
   */
  public record CleanupRoot(String root, Integer olderThanDays, Integer maxDepth) {
    public CleanupRoot {
      olderThanDays = olderThanDays == null ? 14 : olderThanDays;
      maxDepth = maxDepth == null ? 8 : maxDepth;
    }
  }

  /**
   * One automation loop. Which field says where the loop shows life depends on {@code kind}:
   * CRON and HEARTBEAT a {@code path} (status file or log; its mtime is the last run), HTTP a
   * {@code url}, PROCESS a {@code process} name, SERVICE a {@code url} or else a {@code process},
   * CI a {@code repo} and {@code branch} (the status is supplied by the Gitea side).
   * {@code restart} is an argv list run without a shell; {@code restartable} defaults to
   * "has a restart command".
   */
  public record LoopSpec(
      String name, LoopKind kind, long periodSeconds, String path, String url, String process,
      String repo, String branch, List<String> restart, Boolean restartable) {
    public LoopSpec {
      restart = restart == null ? List.of() : List.copyOf(restart);
      restartable = restartable == null ? !restart.isEmpty() : restartable;
      branch = branch == null || branch.isBlank() ? "main" : branch;
    }

    public boolean canRestart() {
      return restartable && !restart.isEmpty();
    }
  }

  /**
   * Seconds: Ollama reads, model loads (a 14B model takes a while), loop probes, restarts, stop
   * grace. Left out (null) means the default; zero or less is a problem, never silently replaced.
   */
  public record Timeouts(Integer ollamaSeconds, Integer loadSeconds, Integer httpSeconds, Integer restartSeconds,
      Integer stopGraceSeconds) {
    public Timeouts {
      ollamaSeconds = ollamaSeconds == null ? 5 : ollamaSeconds;
      loadSeconds = loadSeconds == null ? 120 : loadSeconds;
      httpSeconds = httpSeconds == null ? 5 : httpSeconds;
      restartSeconds = restartSeconds == null ? 60 : restartSeconds;
      stopGraceSeconds = stopGraceSeconds == null ? 10 : stopGraceSeconds;
    }

    public static Timeouts defaults() {
      return new Timeouts(null, null, null, null, null);
    }

    void problems(String at, List<String> out) {
      range(out, at + "ollamaSeconds", ollamaSeconds, 1, 600);
      range(out, at + "loadSeconds", loadSeconds, 1, 3600);
      range(out, at + "httpSeconds", httpSeconds, 1, 600);
      range(out, at + "restartSeconds", restartSeconds, 1, 3600);
      range(out, at + "stopGraceSeconds", stopGraceSeconds, 1, 600);
    }
  }

  public HouseConfig {
    ollamaUrl = ollamaUrl == null ? "http://127.0.0.1:11434" : ollamaUrl;
    fastModel = fastModel == null ? "qwen3:8b" : fastModel;
    complexModel = complexModel == null ? "qwen3:14b" : complexModel;
    keepAlive = keepAlive == null ? "30m" : keepAlive;
    watchedProcesses = watchedProcesses == null ? List.of("ollama", "claude", "kimi") : List.copyOf(watchedProcesses);
    stoppableProcesses = stoppableProcesses == null ? List.of() : List.copyOf(stoppableProcesses);
    disks = disks == null ? List.of() : List.copyOf(disks);
    cleanup = cleanup == null ? List.of() : List.copyOf(cleanup);
    loops = loops == null ? List.of() : List.copyOf(loops);
    timeouts = timeouts == null ? Timeouts.defaults() : timeouts;
    restartWindowMinutes = restartWindowMinutes == null ? 360 : restartWindowMinutes;
  }

  public static HouseConfig defaults() {
    return new HouseConfig(null, null, null, null, null, null, null, null, null, null, null);
  }

  /** Watched, stoppable and loop process names: everything the host probe looks for. */
  public Set<String> processNames() {
    Set<String> names = new LinkedHashSet<>(watchedProcesses);
    names.addAll(stoppableProcesses);
    for (LoopSpec l : loops) {
      if (l.process() != null && !l.process().isBlank()) names.add(l.process());
    }
    return names;
  }

  /** Problems with this section, each naming its key under {@code prefix} (e.g. "house."). */
  public List<String> problems(String prefix) {
    List<String> out = new ArrayList<>();
    if (!ollamaUrl.matches("https?://.+")) out.add(prefix + "ollamaUrl: expected an http(s) URL, found " + ollamaUrl);
    if (fastModel.isBlank()) out.add(prefix + "fastModel: expected a model name like qwen3:8b, found nothing");
    if (complexModel.isBlank()) out.add(prefix + "complexModel: expected a model name like qwen3:14b, found nothing");
    if (!fastModel.isBlank() && fastModel.equals(complexModel)) {
      out.add(prefix + "complexModel: expected a model other than fastModel, found the same " + complexModel);
    }
    if (!keepAlive.matches("\\d+[smh]")) out.add(prefix + "keepAlive: expected a duration like 30m, 90s or 2h, found " + keepAlive);
    names(prefix + "watchedProcesses", watchedProcesses, out);
    names(prefix + "stoppableProcesses", stoppableProcesses, out);
    for (int i = 0; i < cleanup.size(); i++) cleanupProblems(prefix + "cleanup[" + i + "].", cleanup.get(i), out);
    timeouts.problems(prefix + "timeouts.", out);
    range(out, prefix + "restartWindowMinutes", restartWindowMinutes, 1, 7 * 24 * 60);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < loops.size(); i++) {
      LoopSpec l = loops.get(i);
      String at = prefix + "loops[" + i + "].";
      if (l.name() != null && !seen.add(l.name())) out.add(at + "name: expected a unique loop name, found " + l.name() + " twice");
      loopProblems(at, l, out);
    }
    return out;
  }

  private static void names(String key, List<String> names, List<String> out) {
    for (String n : names) {
      if (n == null || n.isBlank() || n.contains("/")) out.add(key + ": expected process names (no paths), found " + n);
    }
  }

  private static void cleanupProblems(String at, CleanupRoot c, List<String> out) {
    String r = c.root();
    if (r == null || !r.startsWith("/")) {
      out.add(at + "root: expected an absolute path, found " + r);
    } else if (r.equals("/") || r.matches("/+")) {
      out.add(at + "root: expected a directory below /, found the file system root");
    } else if (r.matches("(.*/)?\\.\\.?(/.*)?")) {
      out.add(at + "root: expected a path without . or .. segments, found " + r);
    } else {
      SystemDirs.refusalResolved(Path.of(r))
          .ifPresent(why -> out.add(at + "root: expected a directory of Timmy's own files, found " + r + ", which " + why));
    }
    range(out, at + "olderThanDays", c.olderThanDays(), 1, 3650);
    range(out, at + "maxDepth", c.maxDepth(), 1, 64);
  }

  private static void range(List<String> out, String key, int value, int min, int max) {
    if (value < min || value > max) out.add(key + ": expected " + min + ".." + max + ", found " + value);
  }

  private static void loopProblems(String at, LoopSpec l, List<String> out) {
    if (l.name() == null || !l.name().matches("[\\w.-]+")) out.add(at + "name: expected letters, digits, . _ or -, found " + l.name());
    if (l.kind() == null) {
      out.add(at + "kind: expected CRON|HEARTBEAT|HTTP|CI|PROCESS|SERVICE, found nothing");
      return;
    }
    if (l.kind() != LoopKind.CI && l.periodSeconds() <= 0) {
      out.add(at + "periodSeconds: expected a positive number of seconds, found " + l.periodSeconds());
    }
    switch (l.kind()) {
      case CRON, HEARTBEAT -> {
        if (l.path() == null || !l.path().startsWith("/")) out.add(at + "path: expected an absolute path, found " + l.path());
      }
      case HTTP -> {
        if (l.url() == null || !l.url().matches("https?://.+")) out.add(at + "url: expected an http(s) URL, found " + l.url());
      }
      case PROCESS -> {
        if (l.process() == null || l.process().isBlank()) out.add(at + "process: expected a process name, found nothing");
      }
      case SERVICE -> {
        boolean url = l.url() != null && l.url().matches("https?://.+");
        boolean process = l.process() != null && !l.process().isBlank();
        if (!url && !process) out.add(at + "url: expected an http(s) URL or a process name for a SERVICE, found neither");
      }
      case CI -> {
        if (l.repo() == null || !l.repo().matches("[\\w.-]+/[\\w.-]+")) out.add(at + "repo: expected owner/repo, found " + l.repo());
      }
      default -> { }
    }
    if (l.restartable() && l.restart().isEmpty()) out.add(at + "restart: expected an argv list for a restartable loop, found none");
    for (String arg : l.restart()) {
      if (arg == null || arg.isBlank()) out.add(at + "restart: expected non-empty arguments, found a blank one");
    }
    if (l.kind() == LoopKind.CI && !l.restart().isEmpty()) out.add(at + "restart: expected none for a CI loop (CI is fixed by a commit), found " + l.restart());
  }
}
