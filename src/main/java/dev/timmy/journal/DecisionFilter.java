package dev.timmy.journal;

import java.time.Instant;

/**
 * Which decision items to list: any of subject, rule id (matching any rule that contributed),
 * kind and since (cycle start) may be null for "any". Newest cycles first, at most {@code limit}.
 */
public record DecisionFilter(String subject, String ruleId, ItemKind kind, Instant since, int limit) {
  public static final int MAX_LIMIT = 5_000;

  public DecisionFilter {
    limit = limit <= 0 ? 500 : Math.min(limit, MAX_LIMIT);
  }

  public static DecisionFilter all() {
    return new DecisionFilter(null, null, null, null, 0);
  }

  public DecisionFilter subject(String s) {
    return new DecisionFilter(s, ruleId, kind, since, limit);
  }

  public DecisionFilter rule(String r) {
    return new DecisionFilter(subject, r, kind, since, limit);
  }

  public DecisionFilter kind(ItemKind k) {
    return new DecisionFilter(subject, ruleId, k, since, limit);
  }

  public DecisionFilter since(Instant t) {
    return new DecisionFilter(subject, ruleId, kind, t, limit);
  }

  public DecisionFilter limit(int n) {
    return new DecisionFilter(subject, ruleId, kind, since, n);
  }
}
