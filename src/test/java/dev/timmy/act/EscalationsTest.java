package dev.timmy.act;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.decide.ActionKind;
import dev.timmy.decide.EscalationItem;
import dev.timmy.decide.ProposalItem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EscalationsTest {
  static EscalationItem esc(String subject, String ruleId, String reason) {
    return new EscalationItem(subject, reason, ruleId, "Title " + ruleId, List.of("loop " + subject));
  }

  @Test
  void the_key_names_subject_and_rule_and_ignores_the_changing_reason() {
    String a = Escalations.proposal(esc("loop:heartbeat", "LOOP-004", "still failing after 2 restarts")).id();
    String b = Escalations.proposal(esc("loop:heartbeat", "LOOP-004", "still failing after 3 restarts")).id();
    assertEquals(a, b);
    assertTrue(a.matches("ESCALATE:loop:heartbeat:[0-9a-f]{8}"), a);
    assertNotEquals(a, Escalations.key("loop:heartbeat", "LOOP-005"), "another rule is another escalation");
    assertNotEquals(a, Escalations.key("loop:ci-main", "LOOP-004"), "another subject is another escalation");
  }

  @Test
  void an_escalation_becomes_an_escalate_proposal_that_keeps_its_rule_and_reason() {
    ProposalItem p = Escalations.proposal(esc("host", "MODEL-003", "Ollama is down: connection refused"));
    assertEquals(ActionKind.ESCALATE, p.kind());
    assertEquals("host", p.subject());
    assertEquals(Map.of("rule", "MODEL-003", "body", "Ollama is down: connection refused"), p.params());
    assertEquals("MODEL-003", p.ruleId());
    assertEquals("Title MODEL-003", p.title());
    assertEquals(List.of("loop host"), p.facts());
    assertEquals(List.of(), p.vetoes());
  }

  @Test
  void escalations_with_the_same_key_become_one_proposal() {
    List<ProposalItem> ps = Escalations.proposals(List.of(esc("host", "HOUSE-009", "memory short (2 GB)"),
        esc("host", "MODEL-003", "Ollama is down"), esc("host", "HOUSE-009", "memory short (1 GB)")));
    assertEquals(List.of("HOUSE-009", "MODEL-003"), ps.stream().map(ProposalItem::ruleId).toList());
    assertEquals("memory short (2 GB)", ps.get(0).reason());
  }
}
