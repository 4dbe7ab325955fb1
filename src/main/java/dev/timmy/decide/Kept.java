package dev.timmy.decide;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decision items a living session built last cycle that are not one derived fact's (a priority
 * sums parts, a vetoed proposal joins its vetoes): handed back when they come out the same, so a
 * reader that knows an item by identity (the journal's digests) knows it again. A session used
 * once keeps none.
 */
final class Kept {
  private final boolean lives;
  private Map<String, PriorityItem> priorities = new HashMap<>();
  private Map<String, PriorityItem> nextPriorities = new HashMap<>();
  private Map<String, Vetoed> vetoed = new HashMap<>();
  private Map<String, Vetoed> nextVetoed = new HashMap<>();

  /** A proposal's item as the rules' firing made it, and with its vetoes. */
  private record Vetoed(ProposalItem proposal, ProposalItem item) {}

  Kept(boolean lives) {
    this.lives = lives;
  }

  /** The priority of {@code subject}; last cycle's item when total, rank and parts (the same items) are. */
  PriorityItem priority(String subject, int total, int rank, List<Scored> parts) {
    PriorityItem last = priorities.get(subject);
    PriorityItem item = last != null && last.total() == total && last.rank() == rank && same(last.parts(), parts)
        ? last : new PriorityItem(subject, total, rank, parts);
    if (lives) nextPriorities.put(subject, item);
    return item;
  }

  /** {@code proposal} with its vetoes; last cycle's item when the proposal and its vetoes are the same items. */
  ProposalItem vetoed(ProposalItem proposal, List<VetoItem> vetoes) {
    Vetoed last = vetoed.get(proposal.id());
    Vetoed item = last != null && last.proposal() == proposal && same(last.item().vetoes(), vetoes) ? last
        : new Vetoed(proposal, new ProposalItem(proposal.id(), proposal.kind(), proposal.subject(), proposal.params(),
            proposal.ruleId(), proposal.title(), proposal.reason(), proposal.facts(), vetoes));
    if (lives) nextVetoed.put(proposal.id(), item);
    return item.item();
  }

  /** The cycle's items become the ones to hand back next cycle. */
  void cycleDone() {
    priorities = nextPriorities;
    nextPriorities = new HashMap<>();
    vetoed = nextVetoed;
    nextVetoed = new HashMap<>();
  }

  private static boolean same(List<?> a, List<?> b) {
    if (a.size() != b.size()) return false;
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) != b.get(i)) return false;
    }
    return true;
  }
}
