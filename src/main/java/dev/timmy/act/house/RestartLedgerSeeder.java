package dev.timmy.act.house;

import dev.timmy.decide.ActionKind;
import dev.timmy.facts.Subjects;
import dev.timmy.journal.ActionRow;
import dev.timmy.journal.ActionStatus;
import dev.timmy.journal.JournalReader;
import dev.timmy.host.RestartLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Refills the in-memory {@link RestartLedger} from the journal after Timmy restarts, so "at most
 * two restarts in the window" still holds across its own restarts instead of starting from zero.
 * Each RESTART_LOOP of the window that ran its command counts at the time it finished, DONE or
 * FAILED: a restart command that fails is still a restart (the loop target records every attempt).
 */
public final class RestartLedgerSeeder {
  private static final Set<ActionStatus> ATTEMPTS = EnumSet.of(ActionStatus.DONE, ActionStatus.FAILED);

  private RestartLedgerSeeder() {}

  /**
   * Records every restart the journal has as DONE or FAILED within {@code window} before {@code now} that is
   * later than the ledger's last one for that loop (so seeding twice adds nothing); returns how
   * many it recorded. Call at start, before the first cycle, with the ledger the probe and the
   * loop target share ({@code HouseSources.ledger()}).
   */
  public static int seed(RestartLedger ledger, JournalReader journal, Duration window, Instant now) {
    int added = 0;
    for (ActionRow a : journal.finishedSince(ActionKind.RESTART_LOOP, ATTEMPTS, now.minus(window))) {
      Optional<String> named = Subjects.loopName(a.subject());
      if (named.isEmpty() || a.finishedAt() == null || a.finishedAt().isAfter(now)) continue;
      String loop = named.get();
      if (ledger.last(loop).map(last -> !a.finishedAt().isAfter(last)).orElse(false)) continue;
      ledger.record(loop, a.finishedAt());
      added++;
    }
    return added;
  }
}
