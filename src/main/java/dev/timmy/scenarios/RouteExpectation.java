package dev.timmy.scenarios;

import dev.timmy.decide.Decision;
import dev.timmy.decide.RouteItem;
import java.util.List;
import java.util.Optional;

/**
 * A route of a subject to an agent: optionally chosen or not, eligible or not, and with a score
 * part or exclusion by {@code ruleId}.
 */
public record RouteExpectation(String subject, String agent, Boolean chosen, Boolean eligible, String ruleId)
    implements Expectation {

  public RouteExpectation {
    Defaults.require(subject != null && agent != null, "a route expectation needs subject and agent");
  }

  @Override
  public Optional<String> unmetBy(Decision decision) {
    List<RouteItem> routes = decision.routesOf(subject);
    Optional<RouteItem> route = routes.stream().filter(r -> r.agent().equals(agent)).findFirst();
    if (route.isEmpty()) {
      return Optional.of("expected a route of " + subject + " to " + agent + "; its routes: "
          + Found.all(routes, Found::route) + "; its checks: " + Found.all(decision.checksOf(subject), Found::check));
    }
    RouteItem r = route.get();
    boolean ok = (chosen == null || chosen == r.chosen())
        && (eligible == null || eligible == r.eligible())
        && (ruleId == null || ruleId.equals(r.ruleId()) || r.parts().stream().anyMatch(p -> p.ruleId().equals(ruleId)));
    if (ok) return Optional.empty();
    return Optional.of("expected the route of " + subject + " to " + agent
        + (chosen == null ? "" : chosen ? " chosen" : " not chosen")
        + (eligible == null ? "" : eligible ? ", eligible" : ", ineligible")
        + (ruleId == null ? "" : ", with a part by " + ruleId)
        + "; found " + Found.route(r) + "; other routes: "
        + Found.all(routes.stream().filter(o -> o != r).toList(), Found::route));
  }
}
