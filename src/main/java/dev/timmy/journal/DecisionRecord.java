package dev.timmy.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.timmy.Json;
import java.time.Instant;

/**
 * One decision item as journaled: the {@code dev.timmy.decide} record ({@code PriorityItem},
 * {@code RouteItem}, {@code CheckItem}, {@code EscalationItem}, {@code ProposalItem}) as JSON,
 * with the columns it is found by. {@code ruleId} is the deciding rule (for a priority, its
 * largest part).
 */
public record DecisionRecord(long cycleId, Instant at, ItemKind kind, String subject, String ruleId, JsonNode item) {
  /** The item as its decide record, e.g. {@code as(RouteItem.class)}. */
  public <T> T as(Class<T> type) {
    try {
      return Json.mapper().treeToValue(item, type);
    } catch (JsonProcessingException e) {
      throw new JournalException("journal: item of cycle " + cycleId + " is not a " + type.getSimpleName()
          + ": " + e.getOriginalMessage());
    }
  }
}
