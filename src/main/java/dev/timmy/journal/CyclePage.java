package dev.timmy.journal;

import java.util.List;

/**
 * Cycles newest first. {@code nextBefore} is the id to pass as {@code before} for the next
 * (older) page, null on the last page; paging by id stays stable while new cycles arrive.
 */
public record CyclePage(List<CycleRow> cycles, long total, Long nextBefore) {
  public CyclePage {
    cycles = List.copyOf(cycles);
  }
}
