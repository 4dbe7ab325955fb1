package dev.timmy.facts;

import java.time.Instant;

/** What is left of a provider's quota. */
public record Quota(String provider, double remaining, double limit, Instant resetsAt) {
  public double remainingFraction() {
    return limit <= 0 ? 1 : remaining / limit;
  }

  /** The quota in words, with its numbers and reset time: "anthropic quota: 180000 of 5000000 left (4%), resets …". */
  public String words() {
    return String.format("%s quota: %.0f of %.0f left (%.0f%%)", provider, remaining, limit, 100 * remainingFraction())
        + (resetsAt == null ? "" : ", resets " + resetsAt);
  }
}
