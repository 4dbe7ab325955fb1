package dev.timmy.journal;

import java.util.List;

/** One cycle with every decision item and action it recorded. */
public record CycleDetail(CycleRow cycle, List<DecisionRecord> items, List<ActionRow> actions) {
  public CycleDetail {
    items = List.copyOf(items);
    actions = List.copyOf(actions);
  }
}
