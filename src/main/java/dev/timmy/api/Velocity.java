package dev.timmy.api;

import dev.timmy.decide.ActionKind;
import dev.timmy.facts.Agent;
import dev.timmy.facts.History;
import dev.timmy.facts.PastIssue;
import dev.timmy.facts.PastPull;
import dev.timmy.journal.ActionRow;
import dev.timmy.journal.ActionStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The house's velocity per UTC day over the last {@code days} days up to the snapshot's day:
 * issues closed and pull requests merged (from Gitea's history, per agent by login; a login not in
 * the roster counts as {@link #OTHERS}), and the median time from dispatch to merge — from the
 * first assignment Timmy journaled as done on an issue to that issue's close in Gitea (a merged
 * pull request closes its issue). Dry-run dispatches did not happen, so they are not measured.
 *
 * @param perDay        oldest day first, exactly {@code days} of them
 * @param agents        every name that appears in {@code perDay}, roster order first
 * @param medianMinutes null when no dispatched issue has closed yet
 * @param measured      how many dispatched issues the median is taken over
 */
public record Velocity(int days, List<Day> perDay, List<String> agents, Long medianMinutes, int measured) {
  /** Closed or merged work of someone outside the roster (a person, another bot). */
  public static final String OTHERS = "others";
  /** An issue closed while nobody was assigned. */
  public static final String NOBODY = "unassigned";

  /** One UTC day: totals and the same counts per agent name. */
  public record Day(LocalDate date, int issuesClosed, int pullsMerged, Map<String, Integer> closedBy, Map<String, Integer> mergedBy) {}

  /**
   * @param now        the snapshot's clock: the last day shown is its UTC date
   * @param dispatches journaled ASSIGN actions (their status is checked here: only DONE counts)
   */
  public static Velocity of(int days, Instant now, List<Agent> roster, History history, List<ActionRow> dispatches) {
    Map<String, String> byLogin = new HashMap<>();
    List<String> names = new ArrayList<>();
    for (Agent a : roster) {
      byLogin.put(a.login().toLowerCase(), a.name());
      names.add(a.name());
    }
    LocalDate last = now.atZone(ZoneOffset.UTC).toLocalDate();
    LocalDate first = last.minusDays(days - 1L);
    Map<LocalDate, Map<String, Integer>> closed = new TreeMap<>();
    Map<LocalDate, Map<String, Integer>> merged = new TreeMap<>();
    List<String> seen = new ArrayList<>();
    for (PastIssue i : history.issues()) {
      LocalDate d = day(i.closedAt());
      if (d == null || d.isBefore(first) || d.isAfter(last)) continue;
      String who = i.assignees().isEmpty() ? NOBODY : byLogin.getOrDefault(i.assignees().get(0).toLowerCase(), OTHERS);
      closed.computeIfAbsent(d, k -> new LinkedHashMap<>()).merge(who, 1, Integer::sum);
      if (!seen.contains(who)) seen.add(who);
    }
    for (PastPull p : history.pulls()) {
      LocalDate d = day(p.closedAt());
      if (!p.merged() || d == null || d.isBefore(first) || d.isAfter(last)) continue;
      String who = p.author() == null ? OTHERS : byLogin.getOrDefault(p.author().toLowerCase(), OTHERS);
      merged.computeIfAbsent(d, k -> new LinkedHashMap<>()).merge(who, 1, Integer::sum);
      if (!seen.contains(who)) seen.add(who);
    }
    List<Day> perDay = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      Map<String, Integer> c = closed.getOrDefault(d, Map.of());
      Map<String, Integer> m = merged.getOrDefault(d, Map.of());
      perDay.add(new Day(d, sum(c), sum(m), c, m));
    }
    List<String> agents = new ArrayList<>(names.stream().filter(seen::contains).toList());
    seen.stream().filter(n -> !agents.contains(n)).forEach(agents::add);
    List<Long> waits = dispatchToClose(history, dispatches);
    return new Velocity(days, perDay, agents, median(waits), waits.size());
  }

  /** Minutes from each issue's first done assignment to its close after it. */
  private static List<Long> dispatchToClose(History history, List<ActionRow> dispatches) {
    Map<String, Instant> firstDispatch = new HashMap<>();
    for (ActionRow a : dispatches) {
      if (a.status() != ActionStatus.DONE || a.kind() != ActionKind.ASSIGN) continue;
      Instant at = a.finishedAt() != null ? a.finishedAt() : a.intendedAt();
      if (at != null) firstDispatch.merge(a.subject(), at, (x, y) -> x.isBefore(y) ? x : y);
    }
    List<Long> out = new ArrayList<>();
    for (PastIssue i : history.issues()) {
      Instant from = firstDispatch.get(i.subject());
      if (from != null && i.closedAt() != null && !i.closedAt().isBefore(from)) {
        out.add(Duration.between(from, i.closedAt()).toMinutes());
      }
    }
    return out;
  }

  static Long median(List<Long> values) {
    if (values.isEmpty()) return null;
    List<Long> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static LocalDate day(Instant t) {
    return t == null ? null : t.atZone(ZoneOffset.UTC).toLocalDate();
  }

  private static int sum(Map<String, Integer> counts) {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }
}
