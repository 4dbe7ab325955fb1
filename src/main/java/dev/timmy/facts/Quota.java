package dev.timmy.facts;

import java.time.Instant;

/** What is left of a provider's quota. */
public record Quota(String provider, double remaining, double limit, Instant resetsAt) {
  public double remainingFraction() {
    return limit <= 0 ? 1 : remaining / limit;
  }
}
