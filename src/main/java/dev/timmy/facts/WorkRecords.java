package dev.timmy.facts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Each agent's {@link WorkRecord}s: its pull requests closed within the history's window, grouped
 * by each kind of work and each area their labels name, or else (for each facet on its own) the
 * labels of the issue they close ({@link TriageVocabulary}: {@code bug}; {@code ci} or
 * {@code area/ci}). A pull whose area is unknown counts for no area, one whose kind is unknown for
 * no kind. Its time to merge runs from the last dispatch of that
 * issue to its author before the pull opened (Gitea's assignment or Timmy's routing note), else
 * from the pull's opening; a dispatch or an opening after the merge (a skewed clock) is not used.
 */
public final class WorkRecords {
  private WorkRecords() {}

  /** One timed or untimed merge: hours from {@code fromDispatch} or the opening; {@code hours} -1 when untimed. */
  private record Timed(double hours, boolean fromDispatch) {}

  /** The records of {@code agents}, kinds first, then areas, each in word order; none without a window. */
  public static List<WorkRecord> count(Instant now, List<Agent> agents, History history) {
    if (history.windowDays() <= 0 || agents.isEmpty()) return List.of();
    Instant from = now.minus(Duration.ofDays(history.windowDays()));
    Map<String, PastIssue> issues = new HashMap<>();
    for (PastIssue i : history.issues()) issues.put(i.subject(), i);
    List<WorkRecord> out = new ArrayList<>();
    for (Agent a : agents) {
      for (WorkFacet facet : WorkFacet.values()) {
        Map<String, List<PastPull>> byWork = new TreeMap<>();
        for (PastPull p : history.pulls()) {
          if (!p.author().equalsIgnoreCase(a.login()) || !AgentRecords.within(p.closedAt(), from, now)) continue;
          for (String w : words(facet, p, issues)) byWork.computeIfAbsent(w, x -> new ArrayList<>()).add(p);
        }
        byWork.forEach((w, pulls) -> out.add(record(a, facet, w, history.windowDays(), pulls)));
      }
    }
    return out;
  }

  /** The kinds or areas of {@code p}: its own labels', else those of the issue it closes (when that closed in the window). */
  static Set<String> words(WorkFacet facet, PastPull p, Map<String, PastIssue> issues) {
    Set<String> own = facet.of(p.labels());
    if (!own.isEmpty() || p.linkedIssue() <= 0) return own;
    PastIssue linked = issues.get(Subjects.of(p.repo(), p.linkedIssue()));
    return linked == null ? own : facet.of(linked.labels());
  }

  /**
   * When the work of {@code p} was given to {@code a}: the last dispatch to it not after the pull
   * opened (when that is known) nor after it closed; null when there is none.
   */
  public static Instant dispatchedAt(PastPull p, Agent a) {
    if (p.closedAt() == null) return null;
    Instant until = p.openedAt() != null && p.openedAt().isBefore(p.closedAt()) ? p.openedAt() : p.closedAt();
    Instant last = null;
    for (Dispatch d : p.dispatches()) {
      if (d.at() == null || !d.to(a) || d.at().isAfter(until)) continue;
      if (last == null || d.at().isAfter(last)) last = d.at();
    }
    return last;
  }

  private static WorkRecord record(Agent a, WorkFacet facet, String work, int days, List<PastPull> pulls) {
    int merged = 0;
    int rounds = 0;
    List<Timed> timed = new ArrayList<>();
    for (PastPull p : pulls) {
      rounds += p.reviewRounds();
      if (!p.merged()) continue;
      merged++;
      Timed t = timed(p, a);
      if (t.hours() >= 0) timed.add(t);
    }
    int fromDispatch = (int) timed.stream().filter(Timed::fromDispatch).count();
    double[] hours = timed.stream().mapToDouble(Timed::hours).toArray();
    return new WorkRecord(a.name(), facet, work, days, merged, pulls.size() - merged, rounds, median(hours),
        fromDispatch, timed.size() - fromDispatch);
  }

  private static Timed timed(PastPull p, Agent a) {
    Instant dispatched = dispatchedAt(p, a);
    if (dispatched != null) return new Timed(hours(dispatched, p.closedAt()), true);
    boolean opened = p.openedAt() != null && !p.openedAt().isAfter(p.closedAt());
    return new Timed(opened ? hours(p.openedAt(), p.closedAt()) : -1, false);
  }

  private static double hours(Instant start, Instant end) {
    return Duration.between(start, end).toMinutes() / 60.0;
  }

  /** The median of {@code values}, -1 for none. */
  static double median(double[] values) {
    if (values.length == 0) return -1;
    double[] v = values.clone();
    Arrays.sort(v);
    int mid = v.length / 2;
    return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  }
}
