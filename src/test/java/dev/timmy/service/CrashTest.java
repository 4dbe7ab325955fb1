package dev.timmy.service;

import dev.timmy.act.ActionCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timmy.facts.Markers;
import dev.timmy.journal.ActionRow;
import dev.timmy.journal.ActionStatus;
import dev.timmy.journal.CycleRow;
import dev.timmy.journal.CycleStatus;
import dev.timmy.journal.Journal;
import dev.timmy.gitea.FakeRepo;
import dev.timmy.gitea.GiteaTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash suite: a real {@code serve --live} process against a recording fake Gitea, killed with
 * SIGKILL at seeded random points of its live cycles — just before a write reaches Gitea, just
 * after Gitea applied it but before Timmy heard the answer, or at a random moment — and started
 * again each time. Afterwards: no write was applied twice, nothing is left half-journaled, every
 * DONE in the journal is in Gitea and everything Timmy wrote to Gitea is DONE in the journal.
 * {@code -Dtimmy.crash.seed=N} replays a seed, {@code -Dtimmy.crash.kills=N} changes the count.
 */
class CrashTest {
  private static final Pattern KEY = Pattern.compile("^([A-Z_]+):(alex/app)#(\\d+)(?::(.*))?$");
  private static final Pattern MARKER = Pattern.compile("<!-- timmy:(.+?) -->");
  @TempDir Path dir;

  @Test
  void killed_at_random_points_of_live_cycles_timmy_never_writes_twice_and_its_journal_tells_the_truth() throws Exception {
    long seed = Long.getLong("timmy.crash.seed", new Random().nextLong());
    int kills = Integer.getInteger("timmy.crash.kills", 20);
    System.out.println("CrashTest: seed " + seed + " (-Dtimmy.crash.seed=" + seed + " replays it), " + kills + " kills");
    Random random = new Random(seed);
    long began = System.nanoTime();
    List<Process> started = new ArrayList<>();
    try (GiteaTestServer t = new GiteaTestServer()) {
      Recorder gitea = new Recorder(t);
      t.server.setDispatcher(gitea);
      Instant start = Instant.now(); // the fake follows the machine clock, as the served process does
      Set<String> initialLabels = backlog(t.gitea.repo("alex/app"), start);
      Path db = dir.resolve("timmy.db");
      Path config = config(t, db);
      Map<String, Integer> how = new HashMap<>();
      for (int run = 0; run < kills; run++) {
        int at = 1 + random.nextInt(4);
        int mode = random.nextInt(3);
        long runStart = System.nanoTime();
        Process p = ServeProcess.start(dir, config, run, true);
        started.add(p);
        gitea.arm(p, at, mode == 0 ? Recorder.Point.BEFORE_APPLY : mode == 1 ? Recorder.Point.AFTER_APPLY : null);
        if (mode == 2) {
          gitea.awaitFirstRequest(Duration.ofSeconds(30));
          Thread.sleep(random.nextInt(2_500)); // somewhere in the first cycles, reading or writing
        } else {
          gitea.awaitKill(Duration.ofSeconds(12));
        }
        String point = gitea.disarm(p);
        how.merge(point, 1, Integer::sum);
        System.out.printf("CrashTest: run %d killed %s after %.1f s%n", run, point, (System.nanoTime() - runStart) / 1e9);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "killed process ended");
        assertEquals(137, p.exitValue(), "run " + run + " ended by SIGKILL, not by itself: " + ServeProcess.said(dir, run));
      }
      List<CycleRow> before = Journal.open(db).reader().cycles(1, null).cycles();
      long lastBefore = before.isEmpty() ? 0 : before.get(0).id();
      Process last = ServeProcess.start(dir, config, kills, true);
      started.add(last);
      try {
        awaitCycle(db, lastBefore, last);
      } catch (AssertionError e) {
        throw new AssertionError(e.getMessage() + "; the last run said: " + ServeProcess.said(dir, kills)
            + "; last cycles: " + Journal.open(db).reader().cycles(3, null).cycles(), e);
      } finally {
          last.destroy(); // SIGTERM: the running cycle ends, then Timmy stops
        assertTrue(last.waitFor(60, TimeUnit.SECONDS) || last.destroyForcibly().waitFor(10, TimeUnit.SECONDS));
      }

      Journal journal = Journal.open(db);
      assertEquals(List.of(), journal.pendingActions(), "no action left between intent and outcome");
      List<ActionRow> actions = new ArrayList<>();
      for (CycleRow c : journal.reader().cycles(10_000, null).cycles()) actions.addAll(journal.reader().actions(c.id()));
      List<ActionRow> done = actions.stream().filter(a -> a.status() == ActionStatus.DONE).toList();
      FakeRepo repo = t.gitea.repo("alex/app");

      Set<String> writes = new HashSet<>();
      for (String w : gitea.applied()) assertTrue(writes.add(w), "a write applied twice: " + w);
      Set<String> doneKeys = new HashSet<>();
      for (ActionRow a : done) {
        assertTrue(doneKeys.add(a.key()), "DONE twice: " + a.key());
        assertTrue(inGitea(repo, a.key()), "journaled DONE but not in Gitea: " + a);
      }
      for (String key : writtenByTimmy(repo, initialLabels)) {
        assertTrue(doneKeys.contains(key), "in Gitea but not DONE in the journal: " + key);
      }
      long recovered = done.stream().filter(a -> ActionCode.RECOVERED.equals(a.code())).count();
      System.out.printf("CrashTest: %d kills %s, %d writes applied, %d actions DONE (%d recovered after a kill), %.1f s%n",
          kills, how, gitea.applied().size(), done.size(), recovered, (System.nanoTime() - began) / 1e9);
      int afterApply = how.getOrDefault(Recorder.AFTER_APPLY_WORDS, 0);
      assertTrue(recovered >= 1 || afterApply == 0, "a write applied just before a kill is found on restart and journaled DONE");
    } finally {
      for (Process p : started) p.destroyForcibly();
    }
  }

  /** Kimi's work and a pile of stale issues: enough writes for every kill to land mid-work. Returns labels already on. */
  private static Set<String> backlog(FakeRepo repo, Instant now) {
    repo.label("stale");
    repo.label("kimi-ready");
    Set<String> initial = new HashSet<>();
    for (int n = 1; n <= 8; n++) repo.addIssue(n, "Docs page " + n, "alex", now.minus(Duration.ofHours(n)), "docs");
    for (int n = 9; n <= 48; n++) repo.addIssue(n, "Old question " + n, "alex", now.minus(Duration.ofDays(40 + n)), "question");
    for (ObjectNodeView i : ObjectNodeView.all(repo)) for (String l : i.labels()) initial.add(i.number() + ":" + l);
    return initial;
  }

  private Path config(GiteaTestServer t, Path db) throws Exception {
    Path config = dir.resolve("timmy.yml");
    Files.writeString(config, """
        owner:
          login: alex
        agents:
          - {name: kimi, kind: KIMI, login: kimi-code, readyLabel: kimi-ready, maxConcurrent: 4, strengths: [docs]}
        gitea:
          baseUrl: %s
          repos: [alex/app]
          createMissingLabels: false
        service:
          cycleSeconds: 1
          rulesDir: %s
        budgets: {operationsPerCycle: 4, commentsPerIssuePerDay: 3, writeErrorsBeforeStop: 3, breakerCoolDownMinutes: 1}
        journal:
          path: %s
        """.formatted(t.config(List.of("alex/app"), false).baseUrl(), Path.of("rules").toAbsolutePath(), db));
    return config;
  }

  /** Waits for the restarted Timmy to recover and finish one whole cycle after {@code after}. */
  private static void awaitCycle(Path db, long after, Process p) throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      if (System.nanoTime() > until) throw new AssertionError("no complete cycle within 60 s of the last start");
      if (!p.isAlive()) throw new AssertionError("the last run stopped by itself");
      Thread.sleep(300);
      List<CycleRow> cycles = Journal.open(db).reader().cycles(3, null).cycles();
      if (cycles.stream().anyMatch(c -> c.id() > after && c.status() == CycleStatus.OK)) return;
    }
  }

  /** Whether the effect a DONE key names is in the fake Gitea. */
  private static boolean inGitea(FakeRepo repo, String key) {
    Matcher m = KEY.matcher(key);
    if (!m.matches()) return hasMarker(repo, key);
    int n = Integer.parseInt(m.group(3));
    Map<String, String> params = params(m.group(4));
    JsonNode issue = repo.issues.get(n);
    return switch (m.group(1)) {
      case "ADD_LABEL" -> names(issue.path("labels"), "name").contains(params.get("label"));
      case "ASSIGN" -> names(issue.path("assignees"), "login").contains(params.get("login"));
      case "CLOSE" -> issue.path("state").asText().equals("closed") && hasMarker(repo, key);
      default -> hasMarker(repo, key);
    };
  }

  /** Every effect Timmy left in the fake Gitea, as the action key that should have made it. */
  private static List<String> writtenByTimmy(FakeRepo repo, Set<String> initialLabels) {
    List<String> keys = new ArrayList<>();
    for (JsonNode c : repo.comments) markers(c.path("body").asText(), keys);
    for (JsonNode i : repo.issues.values()) {
      int n = i.path("number").asInt();
      for (String label : names(i.path("labels"), "name")) {
        if (!initialLabels.contains(n + ":" + label)) keys.add("ADD_LABEL:alex/app#" + n + ":label=" + label);
      }
      for (String login : names(i.path("assignees"), "login")) keys.add("ASSIGN:alex/app#" + n + ":login=" + login);
      if (i.path("user").path("login").asText().equals("timmy")) markers(i.path("body").asText(), keys);
    }
    return keys;
  }

  private static void markers(String text, List<String> into) {
    Matcher m = MARKER.matcher(text);
    while (m.find()) into.add(m.group(1));
  }

  private static boolean hasMarker(FakeRepo repo, String key) {
    String marker = Markers.of(key);
    return repo.comments.stream().anyMatch(c -> c.path("body").asText().contains(marker))
        || repo.issues.values().stream().anyMatch(i -> i.path("body").asText().contains(marker));
  }

  private static Map<String, String> params(String text) {
    Map<String, String> out = new HashMap<>();
    if (text == null) return out;
    for (String kv : text.split(",")) {
      int eq = kv.indexOf('=');
      if (eq > 0) out.put(kv.substring(0, eq), kv.substring(eq + 1));
    }
    return out;
  }

  private static List<String> names(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : array) out.add(e.path(field).asText());
    return out;
  }

  /** An issue of the fake as the backlog set it up: its number and label names. */
  private record ObjectNodeView(int number, List<String> labels) {
    static List<ObjectNodeView> all(FakeRepo repo) {
      return repo.issues.values().stream().map(i -> new ObjectNodeView(i.path("number").asInt(), names(i.path("labels"), "name"))).toList();
    }
  }

  /**
   * The fake Gitea behind a recorder: it keeps every write Gitea applied (method, path, body) and
   * kills the served process at the armed write — before Gitea applies it, or after Gitea
   * applied it but before the answer leaves. Its clock is the machine's, like the process's.
   */
  static final class Recorder extends Dispatcher {
    enum Point { BEFORE_APPLY, AFTER_APPLY }

    static final String AFTER_APPLY_WORDS = "after Gitea applied a write, before Timmy heard";

    private final GiteaTestServer t;
    private final List<String> applied = new ArrayList<>();
    private Process process;
    private Point point;
    private int at;
    private int writes;
    private int requests;
    private String killedAt;

    Recorder(GiteaTestServer t) {
      this.t = t;
    }

    synchronized void arm(Process p, int at, Point point) {
      this.process = p;
      this.at = at;
      this.point = point;
      this.writes = 0;
      this.requests = 0;
      this.killedAt = null;
    }

    /** Until the armed process has sent its first request (it is up and observing). */
    synchronized void awaitFirstRequest(Duration timeout) throws InterruptedException {
      long until = System.nanoTime() + timeout.toNanos();
      while (requests == 0 && System.nanoTime() < until) wait(Math.max(1, (until - System.nanoTime()) / 1_000_000));
    }

    synchronized void awaitKill(Duration timeout) throws InterruptedException {
      long until = System.nanoTime() + timeout.toNanos();
      while (killedAt == null && System.nanoTime() < until) wait(Math.max(1, (until - System.nanoTime()) / 1_000_000));
    }

    /** Kills the process if the armed point did not; returns where it was killed. */
    synchronized String disarm(Process p) {
      if (killedAt == null) kill(point == null ? "at a random moment" : "at a random moment (no write " + at + ")");
      process = null;
      return killedAt;
    }

    synchronized List<String> applied() {
      return List.copyOf(applied);
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest r) throws InterruptedException {
      t.gitea.now = Instant.now();
      if (requests++ == 0) notifyAll();
      boolean write = !r.getMethod().equals("GET");
      boolean armed = write && process != null && killedAt == null && point != null && ++writes == at;
      if (armed && point == Point.BEFORE_APPLY) {
        kill("before Gitea applied a write");
        return new MockResponse.Builder().code(503).build();
      }
      MockResponse answer = t.gitea.dispatch(r);
      if (write && answer.getCode() < 300) {
        applied.add(r.getMethod() + " " + r.getUrl().encodedPath() + " " + (r.getBody() == null ? "" : r.getBody().utf8()));
      }
      if (armed) kill(AFTER_APPLY_WORDS);
      return answer;
    }

    private void kill(String where) {
      if (process != null) {
        process.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
        try {
          process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      killedAt = where;
      notifyAll();
    }
  }
}
