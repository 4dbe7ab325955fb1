package dev.timmy.act;

import dev.timmy.facts.Comment;
import dev.timmy.facts.Issue;
import dev.timmy.facts.Owner;
import dev.timmy.facts.PullRequest;
import dev.timmy.facts.Snapshot;
import dev.timmy.facts.Subjects;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What Alex said about a subject, read from the snapshot by canonical name ({@code alex/demo#07}
 * is {@code alex/demo#7}), through the one matcher the rules use ({@link Owner}). A pull request
 * and the issue it closes share their holds: a hold on either holds both.
 */
final class Holds {
  private final Owner owner;
  private final Snapshot snapshot;

  Holds(Owner owner, Snapshot snapshot) {
    this.owner = owner;
    this.snapshot = snapshot;
  }

  /** Why nothing may be written about {@code subject}: it was not seen, or its repository was not fully read. */
  Optional<String> unseen(String subject) {
    Optional<String> c = Subjects.canonical(subject);
    if (c.isEmpty()) return Optional.empty();
    if (!snapshot.holdsSeen(subject)) {
      return Optional.of(subject + ": its repository was not fully read this cycle, so a hold by label or comment"
          + " may be unseen (" + String.join("; ", snapshot.gaps()) + ")");
    }
    if (!seen(c.get())) return Optional.of(subject + " is not an open issue or pull request of this snapshot: its holds were not read");
    return Optional.empty();
  }

  Optional<String> label(String subject) {
    for (String s : related(subject)) {
      Optional<String> label = owner.holdLabelAmong(labelsOf(s));
      if (label.isPresent()) return Optional.of(s + " carries hold label " + label.get() + linked(s, subject));
    }
    return Optional.empty();
  }

  Optional<String> instruction(String subject) {
    List<String> related = related(subject);
    for (Comment c : snapshot.comments()) {
      if (!owner.instructs(c) || !related.contains(Subjects.canonical(c.subject()).orElse(""))) continue;
      return Optional.of(c.author() + " said \"" + excerpt(c.body()) + "\" on " + c.subject() + " (comment " + c.id() + ")");
    }
    return Optional.empty();
  }

  Optional<String> strategy(String subject) {
    for (String s : related(subject)) {
      if (Owner.strategic(labelsOf(s))) return Optional.of(s + " is labelled " + Owner.STRATEGY_LABEL + ": only Alex decides it" + linked(s, subject));
    }
    return Optional.empty();
  }

  /** The canonical subject and, for a pull request, the issue it closes (or the pulls that close an issue). */
  private List<String> related(String subject) {
    Optional<String> c = Subjects.canonical(subject);
    if (c.isEmpty()) return List.of();
    Set<String> out = new LinkedHashSet<>(List.of(c.get()));
    for (PullRequest pr : snapshot.pulls()) {
      String self = canon(pr.subject());
      String issue = canon(pr.linkedSubject());
      if (self.equals(c.get()) && !issue.isEmpty()) out.add(issue);
      if (issue.equals(c.get())) out.add(self);
    }
    return new ArrayList<>(out);
  }

  private boolean seen(String canonical) {
    return snapshot.issues().stream().anyMatch(i -> canon(i.subject()).equals(canonical))
        || snapshot.pulls().stream().anyMatch(p -> canon(p.subject()).equals(canonical));
  }

  private List<String> labelsOf(String canonical) {
    List<String> labels = new ArrayList<>();
    for (Issue i : snapshot.issues()) if (canon(i.subject()).equals(canonical)) labels.addAll(i.labels());
    for (PullRequest pr : snapshot.pulls()) if (canon(pr.subject()).equals(canonical)) labels.addAll(pr.labels());
    return labels;
  }

  private static String canon(String subject) {
    return Subjects.canonical(subject).orElse("");
  }

  private static String linked(String s, String subject) {
    return s.equals(canon(subject)) ? "" : " (linked to " + subject + ")";
  }

  private static String excerpt(String body) {
    String line = body.strip().replaceAll("\\s+", " ");
    return line.length() <= 80 ? line : line.substring(0, 77) + "...";
  }
}
