package dev.timmy.decide;

/** An authority rule's refusal of a proposal, named by its {@link Proposal#key()}. */
public record Veto(String proposal, String reason) {}
