package dev.timmy.scenarios;

import dev.timmy.decide.Decision;
import java.util.Optional;

/** One line of a scenario's {@code expect:} part. */
public sealed interface Expectation
    permits ProposalExpectation, VetoExpectation, EscalationExpectation, RouteExpectation,
        PriorityExpectation, CheckExpectation, AbsentExpectation {

  /** Empty when the decision meets it; otherwise what was expected and what was found instead. */
  Optional<String> unmetBy(Decision decision);

  /** The rule this expectation names, or null; a named rule counts as covered. */
  String ruleId();
}
