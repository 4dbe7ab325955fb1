package dev.timmy.decide;

/** Points a priority rule gives a subject, with the reason in words. */
public record ScorePart(String subject, int points, String reason) {}
