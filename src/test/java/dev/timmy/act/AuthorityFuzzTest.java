package dev.timmy.act;

import dev.timmy.facts.PullBuilder;
import static dev.timmy.journal.Given.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.config.BudgetConfig;
import dev.timmy.config.OwnerConfig;
import dev.timmy.decide.ActionKind;
import dev.timmy.decide.ProposalItem;
import dev.timmy.facts.CiState;
import dev.timmy.facts.Comment;
import dev.timmy.facts.Issue;
import dev.timmy.facts.PullRequest;
import dev.timmy.facts.Snapshot;
import dev.timmy.journal.ActionRow;
import dev.timmy.journal.ActionStatus;
import dev.timmy.journal.Given;
import dev.timmy.journal.Journal;
import dev.timmy.act.Mode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Authority fuzz: 10,000 random proposals (every kind, hostile subjects and parameters) through
 * the guard and the executor, live, against a recording target. The oracle is this world's own
 * list of what may never happen, written out here independently of the guard's code: nothing
 * performed may be forbidden or out of bounds. The seed is printed; set -Dfuzz.seed to replay.
 */
class AuthorityFuzzTest {
  static final int PROPOSALS = 10_000;
  static final Set<ActionKind> GITEA = EnumSet.of(ActionKind.ADD_LABEL, ActionKind.REMOVE_LABEL, ActionKind.COMMENT,
      ActionKind.ASSIGN, ActionKind.UNASSIGN, ActionKind.CLOSE, ActionKind.MERGE, ActionKind.CREATE_ISSUE,
      ActionKind.ESCALATE, ActionKind.DELETE_BRANCH);
  /** Items no write but an escalation may touch: strategy #1, held #2, instructed #3, #13 closes #2, #14 is instructed. */
  static final Set<String> UNTOUCHABLE = Set.of("alex/app#1", "alex/app#2", "alex/app#3", "alex/app#13", "alex/app#14");
  /** Items the snapshot shows; anything else was not seen. */
  static final Set<String> SEEN = Set.of("alex/app#1", "alex/app#2", "alex/app#3", "alex/app#4", "alex/app#5",
      "alex/app#10", "alex/app#11", "alex/app#12", "alex/app#13", "alex/app#14", "alex/blind#1");
  static final Set<String> WRITABLE = Set.of("alex/app", "alex/blind", "alex/inbox");
  /** An item as Gitea would read it: owner/repo (neither part . or ..) and a number; leading zeros and case do not matter. */
  private static final Pattern ITEM = Pattern.compile("((?!\\.\\.?/)[a-z0-9_.-]+/(?!\\.\\.?#)[a-z0-9_.-]+)#0*([1-9][0-9]{0,8})");

  static final String[] SUBJECTS = {"alex/app#1", "alex/app#2", "alex/app#3", "alex/app#4", "alex/app#5", "alex/app#10",
      "alex/app#11", "alex/app#12", "alex/app#13", "alex/app#14", "alex/blind#1", "ALEX/App#02", "alex/app#0002",
      "Alex/APP#13", "alex/app#01", "alex/app#99", "alex/other#1", "other/victim#1", "alex/inbox#1", "alex/app",
      "alex/inbox", "alex/other", "", "#", "alex/app#", "alex/app#-1", "alex/app#99999999999", "../x#1", "alex/..#1",
      "alex/app#1\n", " alex/app#2", "alex/app#2 ", "alex/app#２", "loop:ci-main", "file:/etc/passwd", "process:1",
      "agent:kimi", "host", "model:qwen3:14b", "alex/app#4/../../other/victim#1", "alex\u200b/app#2", "null"};
  static final String[] LABELS = {"on-hold", "p1", "stale", "", "x\u0000y", "../../", "a/b", "ON-HOLD", "line\nbreak",
      "x".repeat(300), "\u202eevil"};
  static final String[] LOGINS = {"kimi-code", "claude-code", "../../admin", "a b", "", "x/y", ".", "alex", "root\n"};
  static final String[] BRANCHES = {"feature/10", "main", "../../../other/victim", "a..b", ".hidden", "x.lock", "ok/branch",
      "/abs", "trail/", "sp ace", "semi;colon", "a//b", "%2e%2e/x", "feature/12", "back\\slash", "@{1}"};
  static final String[] SHAS = {"aaa", "bbb", "ccc", "ddd", "eee", "", "aaa/../x", "zz top", "0000000"};
  static final String[] REPOS = {"alex/app", "alex/other", "../etc", "alex/inbox", "alex/blind", "other/victim", "", "a/b/c"};

  @TempDir Path dir;

  @Test
  void ten_thousand_random_proposals_never_yield_a_forbidden_or_out_of_bounds_action() {
    long seed = Long.getLong("fuzz.seed", System.nanoTime());
    System.out.println("authority fuzz seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
    Random random = new Random(seed);
    Given.Clock clock = new Given.Clock(NOW);
    Journal journal = Journal.open(fastDir().resolve("fuzz-" + seed + ".db"), clock);
    Authority authority = new Authority(new OwnerConfig("alex", List.of("on-hold"), null),
        new BudgetConfig(1_000_000, 1_000_000, 1_000_000, 30), journal.reader(), clock,
        Scope.of(List.of("alex/app", "alex/blind"), "alex/inbox"));
    RecordingTarget target = RecordingTarget.forAll();
    Executor executor = new Executor(List.of(target), journal, Mode.LIVE);
    Snapshot complete = world();
    Snapshot blind = world().withUnreadRepo("alex/blind");
    Map<String, ProposalItem> byId = new HashMap<>();
    Map<String, Integer> outcomes = new TreeMap<>();
    List<String> violations = new ArrayList<>();
    int performed = 0;
    long began = System.nanoTime();
    for (int batch = 0; batch < PROPOSALS / 100; batch++) {
      Snapshot snapshot = random.nextBoolean() ? complete : blind;
      List<ProposalItem> proposals = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        ProposalItem p = proposal(random);
        proposals.add(p);
        byId.putIfAbsent(p.id(), p);
      }
      long cycle = journal.beginCycle("fuzz", Mode.LIVE, "fuzz");
      for (ActionRow row : executor.execute(cycle, proposals, authority.open(snapshot, Mode.LIVE)).actions()) {
        outcomes.merge(row.status() + (row.code() == null ? "" : " " + row.code()), 1, Integer::sum);
        if (row.status() != ActionStatus.DONE) continue;
        performed++;
        ProposalItem p = byId.get(row.key());
        violations.addAll(forbidden(p, snapshot).stream().map(v -> v + ": " + p).toList());
      }
    }
    long ms = (System.nanoTime() - began) / 1_000_000;
    assertEquals(performed, target.calls().stream().filter(c -> c.method().equals("perform")).count(),
        "every perform the target saw is a DONE row the oracle judged");
    System.out.println("authority fuzz: " + PROPOSALS + " proposals in " + ms + " ms, " + performed + " performed, outcomes " + outcomes);
    assertEquals(List.of(), violations.stream().limit(20).toList(), "seed " + seed);
    assertTrue(performed > 100, "the fuzz reaches the targets too, not only refusals: " + performed);
  }

  /** A memory-backed directory where there is one (Linux): 10,000 journal rows then cost seconds, not minutes of fsync. */
  private Path fastDir() {
    Path shm = Path.of("/dev/shm");
    if (!java.nio.file.Files.isDirectory(shm) || !java.nio.file.Files.isWritable(shm)) return dir;
    try {
      Path mine = java.nio.file.Files.createTempDirectory(shm, "timmy-fuzz-");
      mine.toFile().deleteOnExit();
      return mine;
    } catch (java.io.IOException e) {
      return dir;
    }
  }

  /** Everything forbidden about carrying out {@code p} in this world, in words; empty when it may be done. */
  static List<String> forbidden(ProposalItem p, Snapshot s) {
    List<String> out = new ArrayList<>();
    if (p.kind().destructive() && !s.complete()) out.add("destructive from a partial snapshot");
    for (String param : List.of("branch", "label", "login", "sha")) {
      String v = p.param(param);
      boolean invisible = v.chars().anyMatch(ch -> ch < 0x20 || ch == 0x202e);
      // A label is sent by id, never in a path: only invisible characters and length matter for it.
      boolean pathy = !param.equals("label") && (v.contains("..") || v.startsWith("/") || v.contains(" ") || v.length() > 255);
      if (invisible || pathy || v.length() > 255 || (param.equals("label") && v.length() > 100)) {
        out.add("hostile " + param + " reached the target");
      }
    }
    if (!GITEA.contains(p.kind())) return out;
    Matcher m = ITEM.matcher(p.subject().toLowerCase(Locale.ROOT));
    String item = m.matches() ? m.group(1) + "#" + Integer.parseInt(m.group(2)) : null;
    String repo = p.kind() == ActionKind.CREATE_ISSUE && !p.param("repo").isBlank() ? p.param("repo").toLowerCase(Locale.ROOT)
        : item != null ? m.group(1) : p.kind() == ActionKind.ESCALATE ? "alex/inbox" : p.subject().toLowerCase(Locale.ROOT);
    if (!WRITABLE.contains(repo)) out.add("write to " + repo + ", outside the configured repositories");
    if (p.kind() == ActionKind.ESCALATE) return out;
    if (item == null && p.kind() != ActionKind.CREATE_ISSUE && p.kind() != ActionKind.DELETE_BRANCH) out.add("not an item subject");
    if (item != null && UNTOUCHABLE.contains(item)) out.add("acted on held or strategy " + item);
    if (item != null && !SEEN.contains(item)) out.add("acted on unseen " + item);
    if (item != null && item.startsWith("alex/blind#") && !s.holdsSeen("alex/blind#1")) out.add("acted where holds were unread");
    if (p.kind() == ActionKind.MERGE && !("alex/app#10".equals(item) && p.param("sha").equals("aaa"))) {
      out.add("merged what is not the one green, approved, unheld pull at its head");
    }
    return out;
  }

  /** A random kind with the parameter it needs (from a pool of good and hostile values), now and then a stray one too. */
  static ProposalItem proposal(Random r) {
    ActionKind kind = ActionKind.values()[r.nextInt(ActionKind.values().length)];
    Map<String, String> params = new LinkedHashMap<>();
    switch (kind) {
      case ADD_LABEL, REMOVE_LABEL -> params.put("label", pick(r, LABELS));
      case ASSIGN, UNASSIGN -> params.put("login", pick(r, LOGINS));
      case MERGE -> params.put("sha", pick(r, SHAS));
      case DELETE_BRANCH -> params.put("branch", pick(r, BRANCHES));
      case CREATE_ISSUE -> {
        if (r.nextBoolean()) params.put("repo", pick(r, REPOS));
        params.put("title", "t" + r.nextInt(10));
      }
      default -> {}
    }
    if (r.nextInt(8) == 0) {
      String[] stray = {"label", "login", "branch", "sha", "repo"};
      String name = pick(r, stray);
      params.put(name, pick(r, switch (name) {
        case "label" -> LABELS;
        case "login" -> LOGINS;
        case "branch" -> BRANCHES;
        case "sha" -> SHAS;
        default -> REPOS;
      }));
    }
    if (r.nextBoolean()) params.put("body", "fuzz " + r.nextInt(1000));
    params.values().removeIf(String::isEmpty);
    return Given.proposal(kind, pick(r, SUBJECTS), params);
  }

  private static String pick(Random r, String[] pool) {
    return pool[r.nextInt(pool.length)];
  }

  /** alex/app: strategy #1, held #2, #3 with Alex's "don't merge", #4 and #5 free; pulls #10 (ready), #11 red, #12 self-approved, #13 closes #2, #14 told off. */
  static Snapshot world() {
    List<Issue> issues = List.of(Given.issue("alex/app", 1, "strategy"), Given.issue("alex/app", 2, "On-Hold"),
        Given.issue("alex/app", 3, "bug"), Given.issue("alex/app", 4, "bug"), Given.issue("alex/app", 5),
        Given.issue("alex/blind", 1, "bug"));
    List<PullRequest> pulls = List.of(pull(10, "aaa", CiState.SUCCESS, "claude-code", 4),
        pull(11, "bbb", CiState.FAILURE, "claude-code", 0), pull(12, "ccc", CiState.SUCCESS, "kimi-code", 0),
        pull(13, "ddd", CiState.SUCCESS, "claude-code", 2), pull(14, "eee", CiState.SUCCESS, "claude-code", 0));
    List<Comment> comments = List.of(Given.comment("alex/app#3", "alex", "Don\u2019t  merge, I'm on it"),
        Given.comment("alex/app#14", "ALEX", "/Timmy\u00a0HOLD please"), Given.comment("alex/app#5", "kimi-code", "do not merge"));
    return Snapshot.ofBacklog(NOW, true, List.of(), Given.ALEX, issues, pulls, comments, List.of(Given.agent("claude")));
  }

  private static PullRequest pull(int n, String sha, CiState ci, String approver, int linked) {
    return PullBuilder.pull("alex/app", n, NOW).title("PR " + n).head("feature/" + n, sha).ci(ci).approvedBy(approver)
        .closes(linked).build();
  }
}
