package dev.timmy.observe.triage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timmy.Json;
import dev.timmy.facts.ModelRole;
import dev.timmy.facts.Triage;
import dev.timmy.facts.TriageVocabulary;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Judges what a model answered. The answer can only fill the schema's fields: each of area, kind
 * and complexity must be a word of {@link TriageVocabulary}, the confidence a number (clamped to
 * 0..1), the summary one line of at most {@link TriageVocabulary#SUMMARY_MAX} characters without
 * control characters. Anything else is refused with its reason, and then there is no fact.
 */
public final class TriageAnswer {
  /** Either a triage fact or why there is none. */
  public record Judged(Triage triage, String failure) {
    public boolean ok() {
      return triage != null;
    }
  }

  private TriageAnswer() {}

  /** The fact {@code content} (the model's answer) makes for this version of the issue, or why it makes none. */
  public static Judged judge(String content, String subject, String model, ModelRole role, Instant at, Instant issueUpdatedAt) {
    if (content == null || content.isBlank()) return failed("empty answer");
    JsonNode answer;
    try {
      answer = Json.mapper().readTree(content);
    } catch (IOException e) {
      return failed("malformed JSON: " + Text.line(content, 80));
    }
    if (answer == null || !answer.isObject()) return failed("malformed JSON: expected an object, found " + Text.line(content, 80));
    String area;
    String kind;
    String complexity;
    try {
      area = word(answer, "area", TriageVocabulary.AREAS);
      kind = word(answer, "kind", TriageVocabulary.KINDS);
      complexity = word(answer, "complexity", TriageVocabulary.COMPLEXITIES);
    } catch (OutOfVocabulary e) {
      return failed(e.getMessage());
    }
    JsonNode c = answer.get("confidence");
    if (c == null || !c.isNumber() || !Double.isFinite(c.doubleValue())) {
      return failed("out of vocabulary: confidence must be a number, found " + Text.line(String.valueOf(c), 40));
    }
    double confidence = Math.max(0, Math.min(1, c.doubleValue()));
    JsonNode s = answer.get("summary");
    String summary = s != null && s.isTextual() ? Text.line(s.asText(), TriageVocabulary.SUMMARY_MAX) : "";
    return new Judged(new Triage(subject, area, kind, complexity, summary, confidence, model, role, at, issueUpdatedAt), null);
  }

  /** A field whose value is not a word of its vocabulary. */
  private static final class OutOfVocabulary extends Exception {
    OutOfVocabulary(String message) {
      super(message, null, false, false);
    }
  }

  /** The field's word in the vocabulary. */
  private static String word(JsonNode answer, String field, List<String> vocabulary) throws OutOfVocabulary {
    JsonNode v = answer.get(field);
    String found = v != null && v.isTextual() ? v.asText().strip().toLowerCase(Locale.ROOT) : null;
    if (found != null && vocabulary.contains(found)) return found;
    throw new OutOfVocabulary("out of vocabulary: " + field + " must be one of " + vocabulary + ", found "
        + (v == null ? "nothing" : Text.line(v.toString(), 40)));
  }

  private static Judged failed(String why) {
    return new Judged(null, why);
  }
}
