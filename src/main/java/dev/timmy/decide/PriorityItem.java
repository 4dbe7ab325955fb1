package dev.timmy.decide;

import java.util.List;

/** A subject's priority: the total, its rank in the backlog, and the parts that make it. */
public record PriorityItem(String subject, int total, int rank, List<Scored> parts) {
  public PriorityItem {
    parts = List.copyOf(parts);
  }
}
