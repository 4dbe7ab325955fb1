package dev.timmy.scenarios;

import dev.timmy.decide.CheckItem;
import dev.timmy.decide.ProposalItem;
import dev.timmy.decide.RouteItem;
import dev.timmy.decide.Scored;
import dev.timmy.decide.VetoItem;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Decision items in a few words, for the "found …" half of an unmet expectation. */
final class Found {
  private Found() {}

  static String proposal(ProposalItem p) {
    String params = p.params().entrySet().stream().filter(e -> !e.getKey().equals("body"))
        .map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining(", "));
    String vetoes = p.vetoed()
        ? " vetoed by " + p.vetoes().stream().map(Found::veto).collect(Collectors.joining("; "))
        : " not vetoed";
    return p.kind() + " by " + p.ruleId() + (params.isEmpty() ? "" : " {" + params + "}") + vetoes;
  }

  static String veto(VetoItem v) {
    return v.ruleId() + " (" + v.reason() + ")";
  }

  static String route(RouteItem r) {
    String parts = r.parts().stream().map(s -> s.ruleId() + " " + signed(s)).collect(Collectors.joining(", "));
    return r.agent() + " score " + r.score() + (r.chosen() ? " chosen" : " not chosen")
        + (r.eligible() ? "" : " (ineligible)") + " — " + r.reason() + " [" + parts + "]";
  }

  static String check(CheckItem c) {
    return c.name() + (c.ok() ? " ✔" : " ✘") + " by " + c.ruleId() + " (" + c.detail() + ")";
  }

  static String part(Scored s) {
    return s.ruleId() + " " + signed(s) + " (" + s.reason() + ")";
  }

  /** "none" for an empty list, else the items joined. */
  static <T> String all(List<T> items, Function<T, String> words) {
    return items.isEmpty() ? "none" : items.stream().map(words).collect(Collectors.joining("; "));
  }

  private static String signed(Scored s) {
    return s.points() >= 0 ? "+" + s.points() : String.valueOf(s.points());
  }
}
