package dev.timmy.cli;

import dev.timmy.Sanitizer;
import dev.timmy.journal.Journal;
import dev.timmy.journal.Replay;
import java.nio.file.Files;
import java.nio.file.Path;

/** A replayed cycle in words: which rules, whether the decision is the journaled one, and the diff. */
final class ReplayReport {
  private ReplayReport() {}

  /** The journal at {@code file}, which must exist (opening a missing one would create an empty journal). */
  static Journal open(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("--journal: expected a Timmy journal (SQLite file), found no file at " + file);
    }
    return Journal.open(file);
  }

  /** What {@code replay --json} prints: the replayed decision, the diff against the journaled one, and whether they agree. */
  record Wire(long cycle, String journaledRevision, String rulesRevision, boolean sameRules, boolean equal,
      dev.timmy.decide.DecisionDiff diff, dev.timmy.decide.Decision replayed) {
    Wire(Replay r) {
      this(r.cycleId(), r.journaledRevision(), r.rulesRevision(), r.sameRules(), r.equal(), r.diff(), r.replayed());
    }
  }

  static String otherRules(Replay r) {
    return "cycle " + r.cycleId() + " was decided by rules " + r.journaledRevision() + ", which are not the rules at hand ("
        + r.rulesRevision() + ")";
  }

  static String render(Replay r) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("Cycle %d, snapshot of %s, replayed with rules %s%n", r.cycleId(), r.snapshot().takenAt(),
        r.rulesRevision()));
    if (r.sameRules()) {
      out.append(r.equal()
          ? "The same rules decide the same: every priority, route, check, escalation and proposal as journaled.\n"
          : "The same rules decide otherwise than the journal kept (not reproducible): see the diff.\n");
    } else {
      out.append("Not a replay: ").append(otherRules(r)).append(". Below is what these rules would have decided then.\n");
    }
    out.append(String.format("%d priorities, %d routes, %d checks, %d escalations, %d proposals (journaled: %d, %d, %d, %d, %d)%n",
        r.replayed().priorities().size(), r.replayed().routes().size(), r.replayed().checks().size(),
        r.replayed().escalations().size(), r.replayed().proposals().size(), r.journaled().priorities().size(),
        r.journaled().routes().size(), r.journaled().checks().size(), r.journaled().escalations().size(),
        r.journaled().proposals().size()));
    out.append(DiffReport.render(r.diff()));
    return Sanitizer.terminal(out.toString());
  }
}
