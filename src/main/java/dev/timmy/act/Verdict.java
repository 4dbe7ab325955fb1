package dev.timmy.act;

/**
 * The authority's answer for one proposal. A refusal carries the {@link ActionCode} naming the
 * guard that objected and the reason in words.
 */
public record Verdict(boolean allowed, ActionCode code, String reason) {
  private static final Verdict ALLOW = new Verdict(true, null, null);

  public static Verdict allow() {
    return ALLOW;
  }

  public static Verdict refuse(ActionCode code, String reason) {
    return new Verdict(false, code, reason);
  }
}
