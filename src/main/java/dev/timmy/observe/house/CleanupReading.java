package dev.timmy.observe.house;

import dev.timmy.facts.StaleFile;
import java.util.List;

/** Cleanup candidates found, and roots that could not be scanned. */
public record CleanupReading(List<StaleFile> files, List<String> gaps) {
  public CleanupReading {
    files = List.copyOf(files);
    gaps = List.copyOf(gaps);
  }
}
