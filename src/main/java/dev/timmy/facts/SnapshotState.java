package dev.timmy.facts;

import java.util.List;

/**
 * Whether the snapshot the rules see is complete, and what it misses when it is not. A fact of its
 * own so that authority rules can refuse destructive proposals from a partial view.
 */
public record SnapshotState(boolean complete, List<String> gaps) {
  public SnapshotState {
    gaps = List.copyOf(gaps);
  }
}
