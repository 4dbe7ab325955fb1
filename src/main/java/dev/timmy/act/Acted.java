package dev.timmy.act;

import dev.timmy.decide.ProposalItem;
import dev.timmy.journal.ActionRow;
import java.util.List;

/**
 * What one cycle's executor did: the journaled actions, in order, and the proposals it did not
 * reach because the cycle's operations budget was spent on higher-ranked work first. A deferred
 * proposal is not an action (nothing reviewed it, nothing is journaled for it); it is proposed
 * again by the next cycle's decision, and its cycle counts it ({@code deferred}).
 */
public record Acted(List<ActionRow> actions, List<ProposalItem> deferred) {
  public Acted {
    actions = List.copyOf(actions);
    deferred = List.copyOf(deferred);
  }
}
