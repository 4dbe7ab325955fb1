package dev.timmy.act;

import dev.timmy.facts.Comment;
import dev.timmy.facts.Issue;
import dev.timmy.facts.Owner;
import dev.timmy.facts.PullRequest;
import dev.timmy.facts.Snapshot;
import dev.timmy.facts.Subjects;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What Alex said about a subject, read from the snapshot by canonical name ({@code alex/demo#07}
 * is {@code alex/demo#7}), through the one matcher the rules use ({@link Owner}). A pull request
 * and the issue it closes share their holds: a hold on either holds both.
 */
final class Holds {
  private final Owner owner;
  private final Snapshot snapshot;
  /** Canonical subject → its labels, for every open issue and pull request of the snapshot. */
  private final Map<String, List<String>> labels = new HashMap<>();
  /** Canonical subject → the pull requests that close it, or the issue a pull request closes. */
  private final Map<String, Set<String>> links = new HashMap<>();
  /** Canonical subject → Alex's instructions on it, by their place in the snapshot's comments. */
  private final Map<String, TreeMap<Integer, Comment>> instructions = new HashMap<>();

  /** Indexes the snapshot once: the guard asks for every proposal of the cycle. */
  Holds(Owner owner, Snapshot snapshot) {
    this.owner = owner;
    this.snapshot = snapshot;
    for (Issue i : snapshot.issues()) labels.computeIfAbsent(canon(i.subject()), k -> new ArrayList<>()).addAll(i.labels());
    for (PullRequest pr : snapshot.pulls()) {
      String self = canon(pr.subject());
      labels.computeIfAbsent(self, k -> new ArrayList<>()).addAll(pr.labels());
      String issue = canon(pr.linkedSubject());
      if (issue.isEmpty()) continue;
      links.computeIfAbsent(self, k -> new LinkedHashSet<>()).add(issue);
      links.computeIfAbsent(issue, k -> new LinkedHashSet<>()).add(self);
    }
    List<Comment> comments = snapshot.comments();
    for (int n = 0; n < comments.size(); n++) {
      Comment c = comments.get(n);
      if (owner.instructs(c)) instructions.computeIfAbsent(canon(c.subject()), k -> new TreeMap<>()).put(n, c);
    }
  }

  /** Why nothing may be written about {@code subject}: it was not seen, or its repository was not fully read. */
  Optional<String> unseen(String subject) {
    Optional<String> c = Subjects.canonical(subject);
    if (c.isEmpty()) return Optional.empty();
    if (!snapshot.holdsSeen(subject)) {
      return Optional.of(subject + ": its repository was not fully read this cycle, so a hold by label or comment"
          + " may be unseen (" + String.join("; ", snapshot.gaps()) + ")");
    }
    if (!labels.containsKey(c.get())) return Optional.of(subject + " is not an open issue or pull request of this snapshot: its holds were not read");
    return Optional.empty();
  }

  Optional<String> label(String subject) {
    for (String s : related(subject)) {
      Optional<String> label = owner.holdLabelAmong(labelsOf(s));
      if (label.isPresent()) return Optional.of(s + " carries hold label " + label.get() + linked(s, subject));
    }
    return Optional.empty();
  }

  /** Alex's first instruction (in the snapshot's order) on the subject or a linked one. */
  Optional<String> instruction(String subject) {
    return related(subject).stream().map(instructions::get).filter(m -> m != null)
        .map(TreeMap::firstEntry).min(Map.Entry.comparingByKey()).map(Map.Entry::getValue)
        .map(c -> c.author() + " said \"" + excerpt(c.body()) + "\" on " + c.subject() + " (comment " + c.id() + ")");
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
    out.addAll(links.getOrDefault(c.get(), Set.of()));
    return new ArrayList<>(out);
  }

  private List<String> labelsOf(String canonical) {
    return labels.getOrDefault(canonical, List.of());
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
