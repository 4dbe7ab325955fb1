package dev.timmy.act;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.timmy.SnakeCase;
import java.util.Locale;

/**
 * Why a journaled action was refused, skipped or ended as it did: the one vocabulary of action
 * codes, spelled snake_case on the wire, in the journal and in {@code openapi.yaml}
 * ({@code ActionCode}). Journals written before this enum hold kebab-case codes
 * ({@code on-hold}); {@link #read} still reads them.
 */
public enum ActionCode implements SnakeCase {
  /** A rule vetoed the proposal. */
  VETO,
  /** A destructive action on a partial snapshot. */
  PARTIAL_SNAPSHOT,
  /** A subject, label or branch name that is not well formed. */
  INVALID_NAME,
  /** A write to a repository outside the configured ones. */
  OUTSIDE_SCOPE,
  /** The subject's holds (labels, comments) were not seen this cycle. */
  HOLDS_UNSEEN,
  /** The subject carries a hold label. */
  ON_HOLD,
  /** The owner told Timmy to keep its hands off the subject. */
  OWNER_INSTRUCTION,
  /** A strategy issue: the owner's to act on. */
  STRATEGY,
  /** A merge the snapshot does not show ready. */
  MERGE_CHECK,
  /** The target found the proposal unusable before acting. */
  TARGET,
  /** The target's circuit breaker is open. */
  CIRCUIT_BREAKER,
  /** The cycle's operations budget is spent. */
  OPERATIONS_BUDGET,
  /** The subject's comment budget for the last 24 hours is spent. */
  COMMENT_BUDGET,
  /** No target carries out this kind of action. */
  NO_EXECUTOR,
  /** The target refused while acting (the live state was unsafe); nothing was written. */
  TARGET_LIVE,
  /** A person undid the action twice: Timmy does not redo it. */
  UNDONE_TWICE,
  /** The same action was already handled in this cycle. */
  DUPLICATE,
  /** The effect is already present in the live state. */
  LIVE_STATE,
  /** Timmy stopped between intent and outcome; the effect was absent or could not be re-checked. */
  INTERRUPTED,
  /** Timmy stopped between intent and outcome; the effect was found on re-check. */
  RECOVERED,
  /** A bug (a runtime exception in Timmy's code) failed the action; it is logged with its stack. */
  BUG;

  @Override
  public String toString() {
    return wire();
  }

  /**
   * The code spelled {@code text} (snake_case, or the kebab-case of older journals); null for
   * null. An unknown spelling is an error that names it, never a silent guess.
   */
  @JsonCreator
  public static ActionCode read(String text) {
    if (text == null) return null;
    String name = text.strip().replace('-', '_').toUpperCase(Locale.ROOT);
    for (ActionCode c : values()) {
      if (c.name().equals(name)) return c;
    }
    throw new IllegalArgumentException("expected an action code (" + java.util.Arrays.toString(values())
        + "), found \"" + text + "\"");
  }
}
