package dev.timmy.decide;

import dev.timmy.facts.TimmyNote;
import java.util.Map;

/**
 * Something the rules want done. Its {@link #key()} names it stably across cycles (kind, subject
 * and every parameter but the free text {@code body}), so the executor can tell whether it was
 * already done and a veto can name the proposal it blocks.
 */
public record Proposal(ActionKind kind, String subject, Map<String, String> params, String reason) {
  public Proposal {
    params = Map.copyOf(params);
  }

  public Proposal(ActionKind kind, String subject, String reason) {
    this(kind, subject, Map.of(), reason);
  }

  public String param(String name) {
    return params.getOrDefault(name, "");
  }

  public String key() {
    return keyOf(kind, subject, params);
  }

  /**
   * The one way a proposal key is built ({@code KIND:SUBJECT[:name=value,...]}, parameters in name
   * order, the free text {@code body} left out): the same spelling {@link TimmyNote.Key} reads back
   * from Timmy's marker, so what a rule proposes and what Timmy wrote cannot drift apart.
   */
  public static String keyOf(ActionKind kind, String subject, Map<String, String> params) {
    return TimmyNote.Key.spell(kind.name(), subject, params, "body");
  }
}
