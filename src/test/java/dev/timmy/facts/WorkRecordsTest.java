package dev.timmy.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each agent's record by kind and by area of work, its merges timed from dispatch or else from opening. */
class WorkRecordsTest {
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  static final Agent KIMI = AgentRecordsTest.KIMI;
  static final Agent CLAUDE = AgentRecordsTest.CLAUDE;

  static Instant daysAgo(int d) {
    return NOW.minusSeconds(86_400L * d);
  }

  static Instant hoursBefore(Instant t, int h) {
    return t.minusSeconds(3600L * h);
  }

  static PastPull labelled(int n, boolean merged, int daysAgo, int hoursOpen, String... labels) {
    Instant closed = daysAgo(daysAgo);
    return new PastPull("alex/x", n, "kimi-code", merged, closed, 0, 1, List.of(labels), hoursBefore(closed, hoursOpen));
  }

  static PastPull closing(int n, int issue, Instant closed, Instant opened, Dispatch... dispatches) {
    return new PastPull("alex/x", n, "kimi-code", true, closed, 0, 0, List.of(), opened, issue, List.of(dispatches));
  }

  static WorkRecord only(List<WorkRecord> records, WorkFacet facet, String work) {
    return records.stream().filter(r -> r.facet() == facet && r.work().equals(work)).findFirst().orElseThrow();
  }

  @Test
  void the_record_by_kind_counts_each_kind_label_with_the_median_hours_from_pr_opening() {
    History h = new History(14, List.of(
        labelled(1, true, 1, 9, "bug"), labelled(2, true, 2, 8, "Bug", "p1"), labelled(3, true, 3, 10, "bug"),
        labelled(4, true, 4, 12, "bug", "ui"), labelled(5, true, 5, 6, "bug"), labelled(6, false, 6, 1, "bug"),
        labelled(7, true, 20, 1, "bug")), List.of());
    List<WorkRecord> records = WorkRecords.count(NOW, List.of(KIMI), h);
    assertEquals(List.of("KIND bug", "AREA ui"), records.stream().map(r -> r.facet() + " " + r.work()).toList(),
        "p1 is no kind of work; ui is an area; #7 is outside the window");
    WorkRecord bug = records.get(0);
    assertEquals(5, bug.merged());
    assertEquals(1, bug.closedUnmerged());
    assertEquals(9.0, bug.medianHoursToMerge(), 1e-9);
    assertEquals("5 of 6 bug PRs merged in 14 days, median 9 h from PR opening, 6 review round(s)", bug.words(),
        "no dispatch is known, and the words say the hours run from the opening");
    assertEquals("1 of 1 ui-area PRs merged in 14 days, median 12 h from PR opening, 1 review round(s)", records.get(1).words());
    assertEquals(List.of(), WorkRecords.count(NOW, List.of(KIMI), History.none()));
  }

  @Test
  void a_pull_has_the_areas_and_kinds_of_its_labels_or_else_of_the_issue_it_closes_and_an_unknown_area_counts_for_none() {
    List<PastIssue> issues = List.of(
        new PastIssue("alex/x", 50, List.of("kimi-code"), daysAgo(1), List.of("ci", "bug")),
        new PastIssue("alex/x", 51, List.of("kimi-code"), daysAgo(1), List.of("question")),
        new PastIssue("alex/y", 52, List.of("kimi-code"), daysAgo(1), List.of("docs")));
    History h = new History(14, List.of(
        labelled(1, true, 1, 5, "area/ci"),
        labelled(2, true, 1, 5, "Area/CI", "ci"),
        new PastPull("alex/x", 3, "kimi-code", true, daysAgo(1), 0, 0, List.of(), daysAgo(2), 50, List.of()),
        new PastPull("alex/x", 4, "kimi-code", true, daysAgo(1), 0, 0, List.of("area/docs"), daysAgo(2), 50, List.of()),
        new PastPull("alex/x", 5, "kimi-code", false, daysAgo(1), 0, 0, List.of(), daysAgo(2), 51, List.of()),
        new PastPull("alex/x", 6, "kimi-code", false, daysAgo(1), 0, 0, List.of("area/nonsense", "area/"), daysAgo(2), 52,
            List.of()),
        new PastPull("alex/x", 7, "kimi-code", false, daysAgo(1), 0, 0, List.of(), daysAgo(2), 99, List.of())), issues);
    List<WorkRecord> records = WorkRecords.count(NOW, List.of(KIMI), h);
    assertEquals(List.of("KIND bug 2", "KIND question 1", "AREA ci 3", "AREA docs 1"),
        records.stream().map(r -> r.facet() + " " + r.work() + " " + r.closed()).toList(),
        "#1, #2 (once) by label and #3 by its issue are ci; #4's own label wins over its issue's; #5's issue names no "
            + "area, #6's labels name none and its issue is in another repository, #7's issue is unknown: no area. "
            + "Kinds fall back to the issue's labels on their own: #3 and #4 are bugs, #5 a question");
  }

  @Test
  void a_merge_is_timed_from_the_last_dispatch_to_its_author_before_the_pull_opened() {
    Instant merged = daysAgo(1);
    Instant opened = hoursBefore(merged, 10);
    PastPull p = closing(1, 50, merged, opened,
        new Dispatch("kimi-code", "", hoursBefore(merged, 30)),
        new Dispatch("", "kimi", hoursBefore(merged, 20)),
        new Dispatch("claude-code", "", hoursBefore(merged, 15)),
        new Dispatch("", "claude", hoursBefore(merged, 14)),
        new Dispatch("KIMI-CODE", "", hoursBefore(merged, 5)));
    assertEquals(hoursBefore(merged, 20), WorkRecords.dispatchedAt(p, KIMI),
        "Timmy's routing to kimi is the last before the opening; Claude's are not Kimi's; the one after the opening is late");
    List<PastIssue> issues = List.of(new PastIssue("alex/x", 50, List.of(), merged, List.of("ci")));
    WorkRecord ci = only(WorkRecords.count(NOW, List.of(KIMI), new History(14, List.of(p), issues)), WorkFacet.AREA, "ci");
    assertEquals(20.0, ci.medianHoursToMerge(), 1e-9);
    assertEquals("1 of 1 ci-area PRs merged in 14 days, median 20 h from dispatch", ci.words());
  }

  @Test
  void merges_timed_both_ways_say_how_many_ran_from_the_opening() {
    Instant m1 = daysAgo(1);
    Instant m2 = daysAgo(2);
    Instant m3 = daysAgo(3);
    History h = new History(14, List.of(
        closing(1, 50, m1, hoursBefore(m1, 2), new Dispatch("kimi-code", "", hoursBefore(m1, 8))),
        closing(2, 50, m2, hoursBefore(m2, 4), new Dispatch("kimi-code", "", hoursBefore(m2, 10))),
        closing(3, 50, m3, hoursBefore(m3, 6))),
        List.of(new PastIssue("alex/x", 50, List.of(), m1, List.of("ci"))));
    WorkRecord ci = only(WorkRecords.count(NOW, List.of(KIMI), h), WorkFacet.AREA, "ci");
    assertEquals(8.0, ci.medianHoursToMerge(), 1e-9, "8 and 10 h from dispatch, 6 h from opening");
    assertEquals("3 of 3 ci-area PRs merged in 14 days, median 8 h from dispatch (1 of 3 from PR opening)", ci.words());
  }

  @Test
  void a_skewed_clock_never_makes_a_negative_time_a_merge_before_its_dispatch_falls_back_to_the_opening() {
    Instant merged = daysAgo(1);
    History h = new History(14, List.of(
        // Merged before it was opened, and dispatched after the merge: nothing can time it.
        closing(1, 50, merged, hoursBefore(merged, -3), new Dispatch("kimi-code", "", hoursBefore(merged, -1))),
        // Dispatched after the merge: the dispatch is not used, the opening is.
        closing(2, 50, merged, hoursBefore(merged, 7), new Dispatch("kimi-code", "", hoursBefore(merged, -2)))),
        List.of(new PastIssue("alex/x", 50, List.of(), merged, List.of("ci"))));
    PastPull first = h.pulls().get(0);
    assertNull(WorkRecords.dispatchedAt(first, KIMI));
    WorkRecord ci = only(WorkRecords.count(NOW, List.of(KIMI), h), WorkFacet.AREA, "ci");
    assertEquals(2, ci.merged());
    assertEquals(7.0, ci.medianHoursToMerge(), 1e-9, "only #2 is timed, from its opening");
    assertEquals("2 of 2 ci-area PRs merged in 14 days, median 7 h from PR opening", ci.words());
  }

  @Test
  void an_agent_with_no_pull_requests_has_no_work_record_and_a_zero_overall_record() {
    History h = new History(14, List.of(labelled(1, true, 1, 5, "bug")), List.of());
    assertEquals(List.of("kimi"), WorkRecords.count(NOW, List.of(KIMI, CLAUDE), h).stream().map(WorkRecord::agent).distinct().toList());
    assertEquals(new AgentRecord("claude", 14, 0, 0, 0, 0, 0),
        AgentRecords.count(NOW, List.of(CLAUDE), h, List.of(), List.of()).get(0));
  }

  @Test
  void huge_counts_are_counted_exactly() {
    List<PastPull> many = new ArrayList<>();
    for (int n = 1; n <= 60_000; n++) many.add(labelled(n, n % 3 != 0, 1 + n % 13, 1 + n % 5, "bug", "area/ci"));
    List<WorkRecord> records = WorkRecords.count(NOW, List.of(KIMI), new History(14, many, List.of()));
    WorkRecord bug = only(records, WorkFacet.KIND, "bug");
    assertEquals(40_000, bug.merged());
    assertEquals(20_000, bug.closedUnmerged());
    assertEquals(60_000, bug.reviewRounds());
    assertEquals(3.0, bug.medianHoursToMerge(), 1e-9);
    assertEquals("40000 of 60000 bug PRs merged in 14 days, median 3 h from PR opening, 60000 review round(s)", bug.words());
  }
}
