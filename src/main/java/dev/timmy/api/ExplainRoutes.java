package dev.timmy.api;

import dev.timmy.decide.Decision;
import dev.timmy.decide.ProposalItem;
import dev.timmy.decide.RouteItem;
import dev.timmy.decide.VetoItem;
import dev.timmy.facts.Subjects;
import dev.timmy.journal.ActionRow;
import dev.timmy.journal.ActionStatus;
import dev.timmy.journal.SubjectHistory;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Why a subject stands where it does, and why not otherwise: the decision in force (priority
 * parts, every route, the ✔/✘ checklist, proposals with vetoes, the actions of that cycle) and the
 * subject's history over recent cycles from the journal.
 */
final class ExplainRoutes {
  private final Backend b;

  ExplainRoutes(Backend backend) {
    this.b = backend;
  }

  /** {@code /api/explain/{owner}/{repo}/{number}}. */
  void issue(Context ctx) {
    String number = ctx.pathParam("number");
    if (!number.matches("\\d{1,9}")) throw ApiException.invalidParameter("number", "an issue or pull number", number);
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
        ? d.get().answers().get("explain\0" + cycles + "\0" + subject, () -> explained(d, subject, cycles))
        : null;
    if (body != null) ctx.contentType("application/json").result(body);
    else ctx.json(explained(d, subject, cycles));
  }

  /** The explanation of {@code subject} over the last {@code cycles} cycles, or a 404 {@code not_found} (the MCP tools). */
  Wire.Explained explained(String subject, int cycles) {
    return explained(b.latest().decided(), subject, cycles);
  }

  private Wire.Explained explained(Optional<Latest.Decided> d, String subject, int cycles) {
    SubjectHistory history = b.journal().history(subject, cycles);
    Wire.Current current = d.map(x -> current(x, subject)).orElse(null);
    boolean known = d.map(x -> x.bySubject().title(subject) != null || Catalog.knows(x.snapshot(), subject)).orElse(false);
    if (!known && history.cycles().isEmpty() && (current == null || silent(current))) {
      throw ApiException.notFound("subject " + subject + ": expected something the latest snapshot or the journal"
          + " knows (owner/repo#N, agent:NAME, model:NAME, loop:NAME, file:PATH, host), found nothing about it");
    }
    return new Wire.Explained(subject, d.map(x -> x.bySubject().title(subject)).orElse(null),
        d.map(x -> x.cycle().id()).orElse(null), d.map(x -> x.snapshot().takenAt()).orElse(null), current,
        current == null ? List.of() : whyNot(current), history.cycles());
  }

  private Wire.Current current(Latest.Decided x, String subject) {
    Decision d = x.decision();
    BySubject s = x.bySubject();
    List<ActionRow> actions = x.actions().of(b.journal(), subject);
    return new Wire.Current(d.rulesRevision(), s.priority(subject), d.priorities().size(),
        s.checks(subject).stream().map(Wire.Check::of).toList(), s.routes(subject), s.proposals(subject),
        s.escalations(subject), actions);
  }

  private static boolean silent(Wire.Current c) {
    return c.priority() == null && c.checks().isEmpty() && c.routes().isEmpty() && c.proposals().isEmpty()
        && c.escalations().isEmpty() && c.actions().isEmpty();
  }

  /** The "why not" in words: conditions that fail, agents not chosen, vetoes and refusals. */
  static List<String> whyNot(Wire.Current c) {
    List<String> out = new ArrayList<>();
    for (Wire.Check k : c.checks()) {
      if (!k.ok()) out.add("✘ " + k.name() + ": " + k.detail() + " [" + k.ruleId() + "]");
    }
    for (RouteItem r : c.routes()) {
      if (!r.chosen()) out.add("not " + r.agent() + ": " + r.reason() + " [" + r.ruleId() + "]");
    }
    for (ProposalItem p : c.proposals()) {
      for (VetoItem v : p.vetoes()) out.add(p.kind() + " vetoed: " + v.reason() + " [" + v.ruleId() + "]");
    }
    for (ActionRow a : c.actions()) {
      if (a.status() == ActionStatus.REFUSED) out.add(a.kind() + " refused (" + a.code() + "): " + a.outcome());
    }
    return out;
  }
}
