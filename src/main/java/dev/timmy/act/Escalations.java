package dev.timmy.act;

import dev.timmy.decide.ActionKind;
import dev.timmy.decide.EscalationItem;
import dev.timmy.decide.ProposalItem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the rules' escalations into ESCALATE actions, so telling Alex goes through the authority,
 * the budgets and the journal like every other write. The key names the subject and the rule,
 * not the reason: a reason carries numbers that change every cycle ("priority 71 (rank 2)"), and
 * Alex is told once per subject and rule, not once per cycle.
 */
public final class Escalations {
  private Escalations() {}

  /** One ESCALATE proposal per distinct key, in the order the escalations came. */
  public static List<ProposalItem> proposals(List<EscalationItem> escalations) {
    Set<String> seen = new HashSet<>();
    List<ProposalItem> out = new ArrayList<>();
    for (EscalationItem e : escalations) {
      ProposalItem p = proposal(e);
      if (seen.add(p.id())) out.add(p);
    }
    return out;
  }

  /** Parameters: {@code rule} (the rule's id) and {@code body} (the reason, in words). */
  public static ProposalItem proposal(EscalationItem e) {
    return new ProposalItem(key(e.subject(), e.ruleId()), ActionKind.ESCALATE, e.subject(),
        Map.of("rule", e.ruleId(), "body", e.reason()), e.ruleId(), e.title(), e.reason(), e.facts(), List.of());
  }

  /** {@code ESCALATE:<subject>:<8 hex digits of SHA-256 of the rule id>}, the same in every cycle. */
  public static String key(String subject, String ruleId) {
    return ActionKind.ESCALATE + ":" + subject + ":" + digest(ruleId);
  }

  private static String digest(String ruleId) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(ruleId.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM, which every Java 17 must provide", e);
    }
  }
}
