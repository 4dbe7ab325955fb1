package dev.timmy.bench;

import dev.timmy.facts.Comment;
import dev.timmy.facts.DayClock;
import dev.timmy.facts.Issue;
import dev.timmy.facts.PullRequest;
import dev.timmy.facts.Snapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The default priority scoring of {@code rules/priority.drl} (with the classification it needs)
 * written as plain Java, the floor the benchmark compares the rule engine against. It is not
 * used to decide anything: the policy lives in the rules.
 */
final class PriorityFloor {
  private static final Pattern DEPENDS = Pattern.compile("(?i)\\b(?:blocked\\s+by|depends\\s+on)\\s+#(\\d+)");
  private static final Pattern ASKS = Pattern.compile("(?is).*(@timmy|urgent).*");

  private PriorityFloor() {}

  static List<Map.Entry<String, Integer>> rank(Snapshot s) {
    DayClock c = DayClock.of(s.takenAt()); // the day-scale rules' clock
    Set<String> open = new HashSet<>();
    for (Issue i : s.issues()) if (i.open()) open.add(i.subject());
    Set<String> withPr = new HashSet<>();
    for (PullRequest p : s.pulls()) if (p.open()) withPr.add(p.linkedSubject());
    Set<String> asked = new HashSet<>();
    String owner = s.owner() == null ? "" : s.owner().login();
    for (Comment m : s.comments()) if (m.author().equalsIgnoreCase(owner) && ASKS.matcher(m.body()).matches()) asked.add(m.subject());

    List<Map.Entry<String, Integer>> totals = new ArrayList<>();
    for (Issue i : s.issues()) {
      if (i.pull() || !i.open()) continue;
      int p = 10;
      if (i.hasLabel("security")) p += 50;
      if (i.hasLabel("bug")) p += 20;
      if (i.hasLabel("p0")) p += 40;
      if (i.hasLabel("p1")) p += 20;
      if (i.hasLabel("p2")) p += 5;
      long days = c.daysSince(i.createdAt());
      if (days >= 7) p += (int) Math.min(10, days / 7);
      if (i.milestoneDueOn() != null && c.daysUntil(i.milestoneDueOn()) <= 7) p += 25;
      if (asked.contains(i.subject())) p += 30;
      if (blocked(i, open)) p -= 40;
      if (withPr.contains(i.subject())) p += 15;
      totals.add(Map.entry(i.subject(), p));
    }
    totals.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    return totals;
  }

  private static boolean blocked(Issue i, Set<String> open) {
    if (i.hasLabel("blocked")) return true;
    Matcher m = DEPENDS.matcher(i.body());
    while (m.find()) if (open.contains(i.repo() + "#" + m.group(1))) return true;
    return false;
  }
}
