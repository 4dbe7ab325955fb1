package dev.timmy.act;

/**
 * The authority's answer for one proposal. A refusal carries a stable snake_case {@code code}
 * naming the guard ({@code veto}, {@code partial-snapshot}, {@code invalid-name},
 * {@code outside-scope}, {@code holds-unseen}, {@code on-hold}, {@code owner-instruction},
 * {@code strategy}, {@code merge-check}, {@code target}, {@code circuit-breaker},
 * {@code operations-budget}, {@code comment-budget}) and the reason in words.
 */
public record Verdict(boolean allowed, String code, String reason) {
  private static final Verdict ALLOW = new Verdict(true, null, null);

  public static Verdict allow() {
    return ALLOW;
  }

  public static Verdict refuse(String code, String reason) {
    return new Verdict(false, code, reason);
  }
}
