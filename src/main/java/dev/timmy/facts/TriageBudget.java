package dev.timmy.facts;

/**
 * The configured limits on model calls for triage and what the last hour used. The rules stop
 * asking once {@code usedLastHour} reaches {@code perHour}; Java carries out at most
 * {@code perCycle} requests a cycle (the highest ranked first), whatever the rules ask.
 */
public record TriageBudget(int perCycle, int perHour, int usedLastHour) {}
