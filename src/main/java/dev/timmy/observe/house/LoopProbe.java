package dev.timmy.observe.house;

import dev.timmy.Bugs;
import dev.timmy.host.RestartLedger;

import dev.timmy.config.HouseConfig.LoopSpec;
import dev.timmy.facts.AutomationLoop;
import dev.timmy.facts.CiState;
import dev.timmy.facts.LoopKind;
import dev.timmy.facts.ProcessInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges each configured loop once per cycle. What "a run" is depends on the kind:
 * <ul>
 *   <li>CRON: the status file's mtime is the last run; its first line says how it went — an exit
 *       code (0 ok), or a word starting with ok/success vs fail/error; anything else (a log) counts
 *       as a successful run at its mtime.</li>
 *   <li>HEARTBEAT: the file's mtime is the last sign of life; being late is for the rules to judge.</li>
 *   <li>HTTP (and SERVICE with a url): every probe is a run; 2xx is a success.</li>
 *   <li>PROCESS (and SERVICE without a url): running now (by configured name) is a success.</li>
 *   <li>CI: the state the Gitea side supplies for repo@branch; FAILURE or ERROR is a failure.</li>
 * </ul>
 * Consecutive failures and the last success are remembered here between cycles (in memory), so a
 * loop that fails three probes in a row says 3. {@code restartsRecent} comes from the
 * {@link RestartLedger} the loop target feeds.
 */
public final class LoopProbe {
  private static final Logger LOG = LoggerFactory.getLogger(LoopProbe.class);
  private static final int STATUS_BYTES = 256;

  /** What one loop's last runs looked like; {@code seenRun} tells a new run from the same one. */
  private record Memory(Instant lastSuccessAt, Instant lastRunAt, int failures, Instant seenRun) {}

  /** One observation of a loop: when it ran (null: never) and whether that went well. */
  private record Run(Instant at, boolean ok, boolean fresh, String detail) {}

  private final List<LoopSpec> loops;
  private final OkHttpClient http;
  private final Duration httpTimeout;
  private final RestartLedger ledger;
  private final Map<String, Memory> memory = new HashMap<>();

  public LoopProbe(List<LoopSpec> loops, OkHttpClient http, Duration httpTimeout, RestartLedger ledger) {
    this.loops = List.copyOf(loops);
    this.http = http;
    this.httpTimeout = httpTimeout;
    this.ledger = ledger;
  }

  /**
   * Every loop that could be judged. {@code processes} null means the process list is unknown
   * (host probe failed): process loops then become gaps rather than false failures.
   */
  public synchronized LoopReading read(Instant now, List<ProcessInfo> processes, CiStatus.Source ci) {
    List<AutomationLoop> out = new ArrayList<>();
    List<String> gaps = new ArrayList<>();
    for (LoopSpec spec : loops) {
      try {
        Run run = observe(spec, now, processes, ci);
        if (run == null) {
          gaps.add("loop " + spec.name() + ": " + unknownReason(spec));
          continue;
        }
        out.add(remember(spec, run, now));
      } catch (IOException | RuntimeException e) {
        gaps.add("loop " + spec.name() + ": " + Bugs.reason(LOG, "LoopProbe (loop " + spec.name() + ")", e));
      }
    }
    return new LoopReading(out, gaps);
  }

  private Run observe(LoopSpec spec, Instant now, List<ProcessInfo> processes, CiStatus.Source ci) throws IOException {
    return switch (spec.kind()) {
      case CRON -> cron(Path.of(spec.path()));
      case HEARTBEAT -> heartbeat(Path.of(spec.path()));
      case HTTP -> http(spec.url(), now);
      case PROCESS -> processes == null ? null : process(spec.process(), processes, now);
      case SERVICE -> spec.url() != null && !spec.url().isBlank() ? http(spec.url(), now)
          : processes == null ? null : process(spec.process(), processes, now);
      case CI -> ci(spec, ci);
    };
  }

  private static String unknownReason(LoopSpec spec) {
    return spec.kind() == LoopKind.CI ? "no CI status supplied for " + spec.repo() + "@" + spec.branch()
        : "process list unavailable, cannot tell whether " + spec.process() + " runs";
  }

  private AutomationLoop remember(LoopSpec spec, Run run, Instant now) {
    Memory before = memory.getOrDefault(spec.name(), new Memory(null, null, 0, null));
    Memory after = before;
    boolean newRun = run.at() != null && (run.fresh() || !run.at().equals(before.seenRun()));
    if (newRun) {
      after = run.ok()
          ? new Memory(run.at(), run.at(), 0, run.at())
          : new Memory(before.lastSuccessAt(), run.at(), before.failures() + 1, run.at());
    }
    memory.put(spec.name(), after);
    return new AutomationLoop(spec.name(), spec.kind(), after.lastSuccessAt(), after.lastRunAt(),
        spec.periodSeconds(), after.failures(), spec.canRestart(), ledger.recent(spec.name(), now), run.detail(),
        spec.kind() == LoopKind.CI ? spec.repo() : "");
  }

  private static Run cron(Path status) throws IOException {
    Instant mtime = mtime(status);
    if (mtime == null) return new Run(null, false, false, "status file " + status + " is missing");
    String first = firstLine(status);
    boolean ok = cronOk(first);
    return new Run(mtime, ok, false, "last run " + mtime + (first.isEmpty() ? "" : ", status \"" + first + "\""));
  }

  /** An exit code, an ok/fail word, or (anything else: a log) a run that went well. */
  static boolean cronOk(String first) {
    String word = first.strip().toLowerCase(Locale.ROOT);
    if (word.matches("-?\\d+")) return word.equals("0");
    return !(word.startsWith("fail") || word.startsWith("error"));
  }

  private static Run heartbeat(Path file) throws IOException {
    Instant mtime = mtime(file);
    if (mtime == null) return new Run(null, false, false, "heartbeat file " + file + " is missing");
    return new Run(mtime, true, false, "heartbeat " + file + " touched " + mtime);
  }

  private Run http(String url, Instant now) {
    Call call = http.newCall(new Request.Builder().url(url).get().build());
    call.timeout().timeout(httpTimeout.toMillis(), TimeUnit.MILLISECONDS);
    try (Response response = call.execute()) {
      return new Run(now, response.isSuccessful(), true, "GET " + url + " answered HTTP " + response.code());
    } catch (IOException e) {
      return new Run(now, false, true, "GET " + url + " failed: " + e.getMessage());
    }
  }

  private static Run process(String name, List<ProcessInfo> processes, Instant now) {
    long count = processes.stream().filter(p -> p.name().equalsIgnoreCase(name)).count();
    return new Run(now, count > 0, true, count > 0 ? count + " " + name + " process(es) running" : "no " + name + " process running");
  }

  private static Run ci(LoopSpec spec, CiStatus.Source source) throws IOException {
    CiStatus status = source.of(spec.repo(), spec.branch());
    if (status == null || status.at() == null) return null;
    String where = spec.repo() + "@" + spec.branch();
    String detail = where + " " + status.state().name().toLowerCase(Locale.ROOT)
        + (status.detail() == null || status.detail().isBlank() ? "" : ": " + status.detail());
    if (status.state() == CiState.PENDING || status.state() == CiState.NONE) {
      return new Run(null, false, false, detail);
    }
    boolean ok = status.state() == CiState.SUCCESS || status.state() == CiState.WARNING;
    return new Run(status.at(), ok, false, detail);
  }

  private static Instant mtime(Path file) throws IOException {
    try {
      return Files.getLastModifiedTime(file).toInstant();
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private static String firstLine(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      String head = new String(in.readNBytes(STATUS_BYTES), StandardCharsets.UTF_8);
      int nl = head.indexOf('\n');
      return (nl >= 0 ? head.substring(0, nl) : head).strip();
    }
  }
}
