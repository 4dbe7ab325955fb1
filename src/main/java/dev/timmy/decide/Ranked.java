package dev.timmy.decide;

/** Inserted by Java after the first phase: a subject's total priority and its rank (1 = first). */
public record Ranked(String subject, int total, int rank) {}
