package dev.timmy.decide;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the rules' route scores into one choice per subject. Subjects are served in priority
 * order; each goes to its highest-scoring eligible agent that still has a free slot (ties by
 * agent name). The policy — who may take what and how much each fits — is the rules'; this is
 * only the greedy matching that an order-free rule base cannot express.
 */
final class RouteChooser {
  /** A candidate as the rules left it: the score parts and any exclusions. */
  record Candidate(String subject, String agent, List<Scored> parts, List<Scored> exclusions) {
    int score() {
      return parts.stream().mapToInt(Scored::points).sum();
    }

    Scored strongest() {
      return parts.stream().max(Comparator.comparingInt(s -> Math.abs(s.points()))).orElse(null);
    }
  }

  private RouteChooser() {}

  static List<RouteItem> choose(Map<String, List<Candidate>> bySubject, Map<String, Integer> rank,
      Map<String, Integer> freeSlots) {
    Map<String, Integer> free = new HashMap<>(freeSlots);
    List<String> order = new ArrayList<>(bySubject.keySet());
    order.sort(Comparator.comparing((String s) -> rank.getOrDefault(s, Integer.MAX_VALUE)).thenComparing(s -> s));
    List<RouteItem> items = new ArrayList<>();
    for (String subject : order) {
      List<Candidate> cands = new ArrayList<>(bySubject.get(subject));
      cands.sort(Comparator.comparingInt(Candidate::score).reversed().thenComparing(Candidate::agent));
      Candidate winner = null;
      Map<Candidate, String> why = new LinkedHashMap<>();
      for (Candidate c : cands) {
        if (!c.exclusions().isEmpty()) {
          why.put(c, "excluded: " + c.exclusions().get(0).reason());
        } else if (c.score() <= 0) {
          why.put(c, "score " + c.score() + " is not positive");
        } else if (free.getOrDefault(c.agent(), 0) <= 0) {
          why.put(c, "no free slot (at capacity)");
        } else if (winner == null) {
          winner = c;
          int left = free.merge(c.agent(), -1, Integer::sum);
          why.put(c, "best eligible score " + c.score() + "; " + left + " slot(s) left after this");
        } else {
          why.put(c, "score " + c.score() + " below " + winner.agent() + "'s " + winner.score());
        }
      }
      for (Map.Entry<Candidate, String> e : why.entrySet()) {
        Candidate c = e.getKey();
        boolean eligible = c.exclusions().isEmpty();
        Scored decisive = eligible ? c.strongest() : c.exclusions().get(0);
        String ruleId = decisive == null ? "ENGINE" : decisive.ruleId();
        List<Scored> parts = new ArrayList<>(c.parts());
        parts.addAll(c.exclusions());
        items.add(new RouteItem(subject, c.agent(), c.score(), c == winner, eligible, ruleId, e.getValue(), parts));
      }
    }
    return items;
  }
}
