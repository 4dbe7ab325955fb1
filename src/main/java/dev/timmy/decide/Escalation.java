package dev.timmy.decide;

/** Something only Alex can decide. */
public record Escalation(String subject, String reason) {}
