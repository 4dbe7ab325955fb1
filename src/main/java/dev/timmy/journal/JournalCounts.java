package dev.timmy.journal;

import java.util.Map;

/** Totals over the whole journal, for {@code /metrics}. Every enum constant is present. */
public record JournalCounts(
    Map<CycleStatus, Long> cycles, Map<ActionStatus, Long> actions, Map<String, Long> refusalsByCode, long decisionItems) {
  public JournalCounts {
    cycles = Map.copyOf(cycles);
    actions = Map.copyOf(actions);
    refusalsByCode = Map.copyOf(refusalsByCode);
  }
}
