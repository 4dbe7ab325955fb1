package dev.timmy.journal;

import dev.timmy.act.ActionCode;
import dev.timmy.act.Mode;
import dev.timmy.decide.ActionKind;
import java.time.Instant;

/**
 * One action as journaled: the proposal it carries out (by its stable key), the mode, where it
 * stands and what came of it. {@code code} names the guard of a refusal ({@code veto},
 * {@code on_hold}, {@code comment_budget}…) or why it was skipped or ended so, null otherwise.
 */
public record ActionRow(
    long id, long cycleId, String key, ActionKind kind, String subject, Mode mode, ActionStatus status,
    ActionCode code, String outcome, Instant intendedAt, Instant finishedAt) {}
