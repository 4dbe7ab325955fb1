package dev.timmy.decide;

/** A routing rule's word that an agent must not take a subject, whatever its score. */
public record Ineligible(String subject, String agent, String reason) {}
