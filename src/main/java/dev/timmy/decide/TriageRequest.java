package dev.timmy.decide;

import dev.timmy.facts.ModelRole;

/**
 * The rules ask Java to have {@code model} triage {@code subject}, for {@code reason}. Java carries
 * it out beside the cycle (never in it); the answer is a fact of a later cycle.
 */
public record TriageRequest(String subject, String model, ModelRole role, String reason) {}
