package dev.timmy.api;

import dev.timmy.decide.Explanation;
import dev.timmy.facts.Subjects;
import dev.timmy.decide.ProposalItem;
import dev.timmy.journal.ActionRow;
import dev.timmy.journal.CycleCounts;
import dev.timmy.journal.ActionStatus;
import dev.timmy.journal.SubjectHistory;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Why a subject stands where it does, and why not otherwise: the decision in force (priority
 * parts, every route, the ✔/✘ checklist, proposals with vetoes, the actions of that cycle) and the
 * subject's history over recent cycles from the journal.
 */
final class ExplainRoutes {
  private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");
  private final Backend b;

  ExplainRoutes(Backend backend) {
    this.b = backend;
  }

  /** {@code /api/explain/{owner}/{repo}/{number}}. */
  void issue(Context ctx) {
    String number = ctx.pathParam("number");
    if (!NUMBER.matcher(number).matches()) throw ApiException.invalidParameter("number", "an issue or pull number", number);
    explain(ctx, Subjects.of(ctx.pathParam("owner") + "/" + ctx.pathParam("repo"), Integer.parseInt(number)));
  }

  /** {@code /api/explain?subject=…}, for any subject: {@code model:qwen3:14b}, {@code loop:ci-main}, {@code host}… */
  void subject(Context ctx) {
    explain(ctx, Params.required(ctx, "subject", "alex/game-bot#3, agent:kimi, model:qwen3:14b or host"));
  }

  /** Answered from the decided cycle (kept per subject until the next one): no evaluation, one history read. */
  private void explain(Context ctx, String subject) {
    int cycles = Params.integer(ctx, "cycles", 10, 1, 100);
    Optional<Latest.Decided> d = b.latest().decided();
    byte[] body = d.isPresent()
        ? d.get().answer("explain\0" + cycles + "\0" + subject, x -> explained(Optional.of(x), subject, cycles))
        : null;
    if (body != null) AnswerCache.send(ctx, body);
    else ctx.json(explained(d, subject, cycles));
  }

  /** The explanation of {@code subject} over the last {@code cycles} cycles, or a 404 {@code not_found} (the MCP tools). */
  Wire.Explained explained(String subject, int cycles) {
    return explained(b.latest().decided(), subject, cycles);
  }

  private Wire.Explained explained(Optional<Latest.Decided> d, String subject, int cycles) {
    SubjectHistory history = b.journal().history(subject, cycles);
    Explanation current = d.map(x -> x.bySubject().explanation(subject)).orElse(null);
    List<ActionRow> actions = d.map(x -> actions(x, subject)).orElse(List.of());
    boolean known = d.map(x -> x.bySubject().title(subject) != null || Catalog.knows(x.snapshot(), subject)).orElse(false);
    if (!known && history.spans().isEmpty() && (current == null || current.empty()) && actions.isEmpty()) {
      throw ApiException.notFound("subject " + subject + ": expected something the latest snapshot or the journal"
          + " knows (owner/repo#N, agent:NAME, model:NAME, loop:NAME, file:PATH, host), found nothing about it");
    }
    return new Wire.Explained(subject, d.map(x -> x.bySubject().title(subject)).orElse(null),
        d.map(x -> x.cycle().id()).orElse(null), d.map(x -> x.snapshot().takenAt()).orElse(null), current, actions,
        whyNot(current, actions, d.map(x -> x.cycle().counts()).orElse(null)), history.spans());
  }

  private List<ActionRow> actions(Latest.Decided x, String subject) {
    return x.actions().of(b.journal(), subject);
  }

  /**
   * The explanation's why-not (decided once, in {@code decide}), then what the guard refused in that
   * cycle, then the proposals the cycle deferred: proposed, not reached because its operations
   * budget was spent on higher-ranked work first (no action row; {@code counts} says how many).
   */
  static List<String> whyNot(Explanation current, List<ActionRow> actions, CycleCounts counts) {
    List<String> out = new ArrayList<>(current == null ? List.of() : current.whyNot());
    for (ActionRow a : actions) {
      if (a.status() == ActionStatus.REFUSED) out.add(a.kind() + " refused (" + a.code() + "): " + a.outcome());
    }
    if (current == null || counts == null || counts.deferred() == 0) return out;
    for (ProposalItem p : current.proposals()) {
      if (p.vetoed()) continue; // the rules' no, said above with its veto; never handed to the executor
      // a report's action key may carry its occurrence (":occurrence=N") after the proposal's
      if (actions.stream().noneMatch(a -> a.key().equals(p.id()) || a.key().startsWith(p.id() + ":occurrence="))) {
        out.add(p.kind() + " deferred: the cycle's operations budget was spent on higher-ranked work before it ("
            + counts.deferred() + " proposals deferred); the next cycle proposes it again");
      }
    }
    return out;
  }
}
