package dev.timmy.facts;

import java.time.Instant;
import java.util.Locale;

/**
 * What a local model said an issue is about, read once for one version of the issue
 * ({@code issueUpdatedAt}): its area, kind and complexity from {@link TriageVocabulary}, a short
 * summary, and how sure the model was (0..1). Rules use it like a label; it can never become a
 * proposal by itself. At most one per issue reaches the rules: the complex model's answer when
 * there is one, else the fast model's.
 */
public record Triage(
    String subject, String area, String kind, String complexity, String summary, double confidence,
    String model, ModelRole role, Instant at, Instant issueUpdatedAt) {

  /** The answer in words, for explanations: "area: ci, kind: bug, complexity: small, from qwen3:8b, confidence 0.82". */
  public String words() {
    return "area: " + area + ", kind: " + kind + ", complexity: " + complexity + ", from " + model
        + ", confidence " + String.format(Locale.ROOT, "%.2f", confidence);
  }
}
