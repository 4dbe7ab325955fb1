package dev.timmy.facts;

import java.util.List;
import java.util.Optional;

/** Alex: the owner's Gitea login and the labels with which he puts work on hold. */
public record Owner(String login, List<String> holdLabels) {
  public Owner {
    holdLabels = List.copyOf(holdLabels);
  }

  public boolean holds(List<String> labels) {
    return holdLabelAmong(labels).isPresent();
  }

  /** The first of {@code labels} that is one of Alex's hold labels (ignoring case). */
  public Optional<String> holdLabelAmong(List<String> labels) {
    return labels.stream().filter(l -> holdLabels.stream().anyMatch(h -> h.equalsIgnoreCase(l))).findFirst();
  }
}
