package dev.timmy.decide;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

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
    String rest = new TreeMap<>(params).entrySet().stream()
        .filter(e -> !e.getKey().equals("body"))
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
    return kind + ":" + subject + (rest.isEmpty() ? "" : ":" + rest);
  }
}
