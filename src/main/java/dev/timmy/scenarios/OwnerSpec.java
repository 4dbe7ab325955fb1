package dev.timmy.scenarios;

import dev.timmy.facts.Owner;
import java.util.List;

/** Alex as a scenario writes him; both fields optional (alex, [on-hold]). */
record OwnerSpec(String login, List<String> holdLabels) {
  static final Owner DEFAULT = new Owner("alex", List.of("on-hold"));

  Owner toFact() {
    return new Owner(Defaults.or(login, DEFAULT.login()), holdLabels == null ? DEFAULT.holdLabels() : holdLabels);
  }
}
