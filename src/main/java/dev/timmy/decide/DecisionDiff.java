package dev.timmy.decide;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a candidate rule set would change against the live one on the same snapshot: priorities
 * that moved, routes that changed, proposals added or removed, vetoes that appeared or vanished.
 */
public record DecisionDiff(
    String liveRevision,
    String candidateRevision,
    List<Moved> priorities,
    List<Rerouted> routes,
    List<ProposalItem> proposalsAdded,
    List<ProposalItem> proposalsRemoved,
    List<VetoChange> vetoes) {

  public record Moved(String subject, Integer fromRank, Integer toRank, Integer fromTotal, Integer toTotal) {}

  public record Rerouted(String subject, String from, String to) {}

  public record VetoChange(String proposal, List<String> before, List<String> after) {}

  public boolean empty() {
    return priorities.isEmpty() && routes.isEmpty() && proposalsAdded.isEmpty() && proposalsRemoved.isEmpty()
        && vetoes.isEmpty();
  }

  public static DecisionDiff between(Decision live, Decision candidate) {
    Map<String, PriorityItem> a = index(live.priorities(), PriorityItem::subject);
    Map<String, PriorityItem> b = index(candidate.priorities(), PriorityItem::subject);
    List<Moved> moved = new ArrayList<>();
    for (String s : union(a.keySet(), b.keySet())) {
      PriorityItem x = a.get(s);
      PriorityItem y = b.get(s);
      if (x == null || y == null || x.rank() != y.rank() || x.total() != y.total()) {
        moved.add(new Moved(s, x == null ? null : x.rank(), y == null ? null : y.rank(),
            x == null ? null : x.total(), y == null ? null : y.total()));
      }
    }
    moved.sort(Comparator.comparing(m -> m.toRank() == null ? Integer.MAX_VALUE : m.toRank()));

    Map<String, String> ra = chosen(live);
    Map<String, String> rb = chosen(candidate);
    List<Rerouted> rerouted = new ArrayList<>();
    for (String s : union(ra.keySet(), rb.keySet())) {
      if (!Objects.equals(ra.get(s), rb.get(s))) rerouted.add(new Rerouted(s, ra.get(s), rb.get(s)));
    }

    Map<String, ProposalItem> pa = index(live.proposals(), ProposalItem::id);
    Map<String, ProposalItem> pb = index(candidate.proposals(), ProposalItem::id);
    List<ProposalItem> added = pb.values().stream().filter(p -> !pa.containsKey(p.id())).toList();
    List<ProposalItem> removed = pa.values().stream().filter(p -> !pb.containsKey(p.id())).toList();
    List<VetoChange> vetoes = new ArrayList<>();
    for (String id : union(pa.keySet(), pb.keySet())) {
      if (!pa.containsKey(id) || !pb.containsKey(id)) continue;
      List<String> before = vetoIds(pa.get(id));
      List<String> after = vetoIds(pb.get(id));
      if (!before.equals(after)) vetoes.add(new VetoChange(id, before, after));
    }
    return new DecisionDiff(live.rulesRevision(), candidate.rulesRevision(), moved, rerouted,
        sorted(added), sorted(removed), vetoes);
  }

  private static List<ProposalItem> sorted(List<ProposalItem> items) {
    return items.stream().sorted(Comparator.comparing(ProposalItem::id)).toList();
  }

  private static List<String> vetoIds(ProposalItem p) {
    return p.vetoes().stream().map(VetoItem::ruleId).sorted().toList();
  }

  private static Map<String, String> chosen(Decision d) {
    return d.routes().stream().filter(RouteItem::chosen).collect(Collectors.toMap(RouteItem::subject, RouteItem::agent));
  }

  private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
    return items.stream().collect(Collectors.toMap(key, Function.identity(), (x, y) -> x));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }
}
