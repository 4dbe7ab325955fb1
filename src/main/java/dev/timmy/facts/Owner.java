package dev.timmy.facts;

import java.util.List;

/** Alex: the owner's Gitea login and the labels with which he puts work on hold. */
public record Owner(String login, List<String> holdLabels) {
  public Owner {
    holdLabels = List.copyOf(holdLabels);
  }

  public boolean holds(List<String> labels) {
    return labels.stream().anyMatch(l -> holdLabels.stream().anyMatch(h -> h.equalsIgnoreCase(l)));
  }
}
