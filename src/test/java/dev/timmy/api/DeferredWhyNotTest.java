package dev.timmy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.act.Mode;
import dev.timmy.decide.Explanation;
import dev.timmy.decide.ProposalItem;
import dev.timmy.journal.ActionRow;
import dev.timmy.journal.ActionStatus;
import dev.timmy.journal.CycleCounts;
import dev.timmy.journal.Given;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeferredWhyNotTest {
  private static final String SUBJECT = "alex/app#2";
  private final ProposalItem comment = Given.comment(SUBJECT, "hello");
  private final Explanation x = Explanation.of(Given.decision(SUBJECT, List.of(comment)), SUBJECT);

  private static CycleCounts deferred(int n) {
    return new CycleCounts(0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, n);
  }

  @Test
  void a_proposal_the_budget_did_not_reach_is_said_deferred_after_the_decided_lines() {
    List<String> whyNot = ExplainRoutes.whyNot(x, List.of(), deferred(7));
    assertEquals(x.whyNot(), whyNot.subList(0, x.whyNot().size()));
    String last = whyNot.get(whyNot.size() - 1);
    assertTrue(last.startsWith("COMMENT deferred: the cycle's operations budget was spent"), last);
    assertTrue(last.contains("7 proposals deferred"), last);
  }

  @Test
  void a_proposal_acted_on_or_a_cycle_that_deferred_nothing_says_no_deferral() {
    Instant at = Instant.parse("2026-06-01T10:00:00Z");
    ActionRow done = new ActionRow(1, 1, comment.id(), comment.kind(), SUBJECT, Mode.LIVE, ActionStatus.DONE, null, "ok", at, at);
    ActionRow occurrence = new ActionRow(2, 1, comment.id() + ":occurrence=2", comment.kind(), SUBJECT, Mode.LIVE,
        ActionStatus.DONE, null, "ok", at, at);
    assertTrue(ExplainRoutes.whyNot(x, List.of(done), deferred(7)).stream().noneMatch(l -> l.contains("deferred")));
    assertTrue(ExplainRoutes.whyNot(x, List.of(occurrence), deferred(7)).stream().noneMatch(l -> l.contains("deferred")));
    assertTrue(ExplainRoutes.whyNot(x, List.of(), deferred(0)).stream().noneMatch(l -> l.contains("deferred")));
    assertTrue(ExplainRoutes.whyNot(x, List.of(), null).stream().noneMatch(l -> l.contains("deferred")));
  }

  @Test
  void a_vetoed_proposal_is_never_said_deferred_its_veto_says_why() {
    ProposalItem vetoed = new ProposalItem(comment.id(), comment.kind(), SUBJECT, comment.params(), comment.ruleId(),
        comment.title(), comment.reason(), comment.facts(), List.of(new dev.timmy.decide.VetoItem("AUTH-001", "Held", "on hold",
            List.of())));
    Explanation v = Explanation.of(Given.decision(SUBJECT, List.of(vetoed)), SUBJECT);
    List<String> whyNot = ExplainRoutes.whyNot(v, List.of(), deferred(7));
    assertTrue(whyNot.stream().noneMatch(l -> l.contains("deferred")), whyNot.toString());
    assertTrue(whyNot.stream().anyMatch(l -> l.contains("on hold")), whyNot.toString());
  }
}
