package dev.timmy.scenarios;

import java.util.ArrayList;
import java.util.List;

/** The {@code expect:} part of a scenario, one list per kind of expectation; at least one item. */
record ExpectSpec(
    List<ProposalExpectation> proposals, List<VetoExpectation> vetoes, List<EscalationExpectation> escalations,
    List<RouteExpectation> routes, List<PriorityExpectation> priorities, List<CheckExpectation> checks,
    List<AbsentExpectation> absent) {

  ExpectSpec {
    Defaults.require(!all(proposals, vetoes, escalations, routes, priorities, checks, absent).isEmpty(),
        "expect needs at least one of proposals, vetoes, escalations, routes, priorities, checks, absent");
  }

  List<Expectation> all() {
    return all(proposals, vetoes, escalations, routes, priorities, checks, absent);
  }

  @SafeVarargs
  private static List<Expectation> all(List<? extends Expectation>... lists) {
    List<Expectation> all = new ArrayList<>();
    for (List<? extends Expectation> l : lists) all.addAll(Defaults.list(l));
    return List.copyOf(all);
  }
}
