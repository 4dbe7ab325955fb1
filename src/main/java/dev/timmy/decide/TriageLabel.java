package dev.timmy.decide;

/**
 * A triage answer sure enough to be used like labels: routing matches {@code area} and
 * {@code complexity}, priority {@code kind}. {@code source} names the model and its confidence.
 */
public record TriageLabel(String subject, String area, String kind, String complexity, String source) {}
