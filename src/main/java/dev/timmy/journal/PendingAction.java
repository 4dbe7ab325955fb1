package dev.timmy.journal;

import dev.timmy.decide.ProposalItem;
import java.time.Instant;

/** An action left INTENDED by a Timmy that stopped between intent and outcome. */
public record PendingAction(long actionId, long cycleId, ProposalItem proposal, Instant intendedAt) {}
