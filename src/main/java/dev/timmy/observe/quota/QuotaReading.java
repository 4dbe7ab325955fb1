package dev.timmy.observe.quota;

import dev.timmy.facts.Quota;
import java.util.List;

/** What one quota read found, and what it could not read (each gap makes the snapshot partial). */
public record QuotaReading(List<Quota> quotas, List<String> gaps) {
  public QuotaReading {
    quotas = List.copyOf(quotas);
    gaps = List.copyOf(gaps);
  }
}
