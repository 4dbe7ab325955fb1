package dev.timmy.decide;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * A classified condition of a subject, derived by a classification rule: {@code stale},
 * {@code green}, {@code on-hold}… Negative checks ({@code ok == false}) are derived too where a
 * decision depends on them, so an explanation can show the whole checklist.
 */
public record Check(String subject, String name, boolean ok, String detail) {
  /** The details of some checks, sorted and joined by "; ": every reason of a state or a proposal, in words. */
  public static String details(Collection<Check> checks) {
    return checks.stream().map(Check::detail).sorted().collect(Collectors.joining("; "));
  }

  /** As {@link #details}, each detail after its check's name: "blocked: labelled blocked; on-hold: …". */
  public static String namedDetails(Collection<Check> checks) {
    return checks.stream().map(c -> c.name() + ": " + c.detail()).sorted().collect(Collectors.joining("; "));
  }
}
