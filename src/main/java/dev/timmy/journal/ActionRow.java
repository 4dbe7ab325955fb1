package dev.timmy.journal;

import dev.timmy.act.Mode;
import dev.timmy.decide.ActionKind;
import java.time.Instant;

/**
 * One action as journaled: the proposal it carries out (by its stable key), the mode, where it
 * stands and what came of it. {@code code} names the guard of a refusal ({@code veto},
 * {@code on-hold}, {@code comment-budget}…), null otherwise.
 */
public record ActionRow(
    long id, long cycleId, String key, ActionKind kind, String subject, Mode mode, ActionStatus status,
    String code, String outcome, Instant intendedAt, Instant finishedAt) {}
