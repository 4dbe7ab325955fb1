package dev.timmy.config;

import dev.timmy.facts.Owner;
import java.util.List;

/**
 * The {@code owner:} section: Alex's Gitea login, the labels with which he puts work on hold, and
 * the phrases in his comments that forbid Timmy to act on a subject. The authority checks both in
 * Java, whatever the rules say.
 */
public record OwnerConfig(String login, List<String> holdLabels, List<String> holdPhrases) {
  public static final List<String> DEFAULT_HOLD_LABELS = List.of("on-hold");
  public static final List<String> DEFAULT_HOLD_PHRASES = Owner.DEFAULT_HOLD_PHRASES;

  public OwnerConfig {
    holdLabels = holdLabels == null ? DEFAULT_HOLD_LABELS : List.copyOf(holdLabels);
    holdPhrases = holdPhrases == null ? DEFAULT_HOLD_PHRASES : List.copyOf(holdPhrases);
  }

  /** No login (it has no sensible default: validation asks for it), default labels and phrases. */
  public static OwnerConfig defaults() {
    return new OwnerConfig(null, null, null);
  }

  public Owner toOwner() {
    return new Owner(login, holdLabels, holdPhrases);
  }
}
