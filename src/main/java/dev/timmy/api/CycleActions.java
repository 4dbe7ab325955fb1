package dev.timmy.api;

import dev.timmy.journal.ActionRow;
import dev.timmy.journal.JournalReader;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The actions one decided cycle journaled, read from the journal once (on first use, after the
 * cycle finished acting) and indexed by subject: explain, agents, house and the dashboard ask for
 * them on every answer, and on a 10k-issue house a per-request read of every action was the
 * slowest part of an answer (and, under 200 clients, ran the heap out).
 */
final class CycleActions {
  private final long cycleId;
  private volatile Read read;

  private record Read(List<ActionRow> all, Map<String, List<ActionRow>> bySubject) {}

  CycleActions(long cycleId) {
    this.cycleId = cycleId;
  }

  List<ActionRow> all(JournalReader journal) {
    return read(journal).all();
  }

  List<ActionRow> of(JournalReader journal, String subject) {
    return read(journal).bySubject().getOrDefault(subject, List.of());
  }

  Map<String, List<ActionRow>> bySubject(JournalReader journal) {
    return read(journal).bySubject();
  }

  private Read read(JournalReader journal) {
    Read r = read;
    if (r != null) return r;
    synchronized (this) {
      if (read == null) {
        List<ActionRow> all = List.copyOf(journal.actions(cycleId));
        read = new Read(all, all.stream().collect(Collectors.groupingBy(ActionRow::subject,
            Collectors.collectingAndThen(Collectors.toList(), List::copyOf))));
      }
      return read;
    }
  }
}
