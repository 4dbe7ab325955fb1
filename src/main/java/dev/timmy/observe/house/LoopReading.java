package dev.timmy.observe.house;

import dev.timmy.facts.AutomationLoop;
import java.util.List;

/** The loops the probe could judge, and what it could not read. */
public record LoopReading(List<AutomationLoop> loops, List<String> gaps) {
  public LoopReading {
    loops = List.copyOf(loops);
    gaps = List.copyOf(gaps);
  }
}
