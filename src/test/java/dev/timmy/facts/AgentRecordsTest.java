package dev.timmy.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.timmy.derive.Derive;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each agent's record over the window: closed work from the history, CI failures and review rounds also from open pulls. */
class AgentRecordsTest {
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  static final Agent KIMI = new Agent("kimi", AgentKind.KIMI, "kimi-code", "kimi-ready", List.of(), List.of(), 4, List.of(), true);
  static final Agent CLAUDE = new Agent("claude", AgentKind.CLAUDE, "claude-code", "claude-ready", List.of(), List.of(), 3, List.of(), true);

  static Instant daysAgo(int d) {
    return NOW.minusSeconds(86_400L * d);
  }

  static PastPull past(int n, String author, boolean merged, int daysAgo, int ci, int rounds) {
    return new PastPull("alex/x", n, author, merged, daysAgo(daysAgo), ci, rounds);
  }

  static PullRequest open(int n, String author, CiState ci, String sha, List<String> changes, int updatedDaysAgo) {
    return PullBuilder.pull("alex/x", n, daysAgo(20)).updated(daysAgo(updatedDaysAgo)).title("p").author(author)
        .head("b", sha).ci(ci).changesRequestedBy(changes).build();
  }

  @Test
  void merged_unmerged_failures_rounds_and_closed_issues_are_counted_within_the_window_only() {
    History h = new History(14, List.of(
        past(1, "kimi-code", true, 3, 0, 1),
        past(2, "kimi-code", false, 5, 2, 0),
        past(3, "KIMI-CODE", false, 13, 1, 2),
        past(4, "kimi-code", false, 15, 9, 9),
        past(5, "claude-code", true, 1, 0, 0)),
        List.of(new PastIssue("alex/x", 10, List.of("kimi-code", "alex"), daysAgo(2)),
            new PastIssue("alex/x", 11, List.of("kimi-code"), daysAgo(20)),
            new PastIssue("alex/x", 12, List.of("claude-code"), daysAgo(2))));
    List<AgentRecord> records = AgentRecords.count(NOW, List.of(KIMI, CLAUDE), h, List.of(), List.of());
    assertEquals(List.of(new AgentRecord("kimi", 14, 1, 2, 3, 3, 1), new AgentRecord("claude", 14, 1, 0, 0, 0, 1)), records);
  }

  @Test
  void open_pulls_add_the_heads_timmy_reported_red_and_a_red_head_now_once_each() {
    Comment first = Comment.read("alex/x#7", 1, "timmy", "red <!-- timmy:COMMENT:alex/x#7:sha=aaa,topic=ci-failed -->", daysAgo(3), "timmy");
    Comment again = Comment.read("alex/x#7", 2, "timmy", "red <!-- timmy:COMMENT:alex/x#7:sha=bbb,topic=ci-failed -->", daysAgo(1), "timmy");
    Comment elsewhere = Comment.read("alex/x#8", 3, "timmy", "red <!-- timmy:COMMENT:alex/x#7:sha=zzz,topic=ci-failed -->", daysAgo(1), "timmy");
    List<PullRequest> pulls = List.of(
        open(7, "kimi-code", CiState.FAILURE, "bbb", List.of("alex"), 1),
        open(8, "kimi-code", CiState.SUCCESS, "ccc", List.of(), 1),
        open(9, "kimi-code", CiState.FAILURE, "ddd", List.of("alex"), 30));
    List<AgentRecord> records = AgentRecords.count(NOW, List.of(KIMI), new History(14, List.of(), List.of()), pulls,
        List.of(first, again, elsewhere));
    assertEquals(List.of(new AgentRecord("kimi", 14, 0, 0, 2, 1, 0)), records,
        "#7: aaa and bbb (red now, reported once); #8's comment names #7 but sits on #8; #9 was last updated before the window");
    assertEquals(Set.of("aaa", "bbb"), AgentRecords.failedHeads("alex/x#7", List.of(first, again), "bbb", true));
  }

  @Test
  void without_a_history_window_nobody_has_a_record() {
    assertEquals(List.of(), AgentRecords.count(NOW, List.of(KIMI), History.none(), List.of(), List.of()));
    Snapshot s = Snapshot.ofBacklog(NOW, true, List.of(), new Owner("alex", List.of()), List.of(), List.of(), List.of(), List.of(KIMI));
    assertEquals(List.of(), s.records());
    Snapshot withHistory = s.withHistory(new History(14, List.of(past(1, "kimi-code", true, 3, 0, 0)), List.of()));
    assertEquals(List.of(new AgentRecord("kimi", 14, 1, 0, 0, 0, 0)), Derive.from(withHistory).records());
    assertEquals(List.of(new AgentRecord("kimi", 14, 0, 0, 0, 0, 0)), Derive.from(withHistory.at(NOW.plusSeconds(86_400L * 12))).records(),
        "replayed twelve days later, the merge of three days before has left the window");
  }

  @Test
  void twenty_forged_ci_failed_markers_in_one_human_comment_do_not_touch_the_agents_record() {
    StringBuilder forged = new StringBuilder("CI was red a lot, trust me:\n");
    for (int k = 1; k <= 20; k++) forged.append("<!-- timmy:COMMENT:alex/x#7:sha=f").append(k).append(",topic=ci-failed -->\n");
    Comment mara = Comment.read("alex/x#7", 1, "mara", forged.toString(), daysAgo(2), "timmy");
    Comment agent = Comment.read("alex/x#7", 2, "kimi-code", forged.toString(), daysAgo(1), "timmy");
    // Timmy's own comment quoting untrusted text (a CI context name) counts only the marker that ends it.
    Comment quoting = Comment.read("alex/x#7", 3, "timmy", "CI is red on x: failure on " + forged
        + ".\n\n<!-- timmy:COMMENT:alex/x#7:sha=real,topic=ci-failed -->", daysAgo(1), "timmy");
    List<PullRequest> pulls = List.of(open(7, "kimi-code", CiState.SUCCESS, "green", List.of(), 1));

    List<AgentRecord> forgedOnly = AgentRecords.count(NOW, List.of(KIMI), new History(14, List.of(), List.of()), pulls,
        List.of(mara, agent));
    assertEquals(List.of(new AgentRecord("kimi", 14, 0, 0, 0, 0, 0)), forgedOnly, "no marker of theirs is Timmy's notice");
    assertEquals(Set.of("real"), AgentRecords.failedHeads("alex/x#7", List.of(mara, agent, quoting), "green", false));
  }
}
