package dev.timmy.decide;

/**
 * A classified condition of a subject, derived by a classification rule: {@code stale},
 * {@code green}, {@code on-hold}… Negative checks ({@code ok == false}) are derived too where a
 * decision depends on them, so an explanation can show the whole checklist.
 */
public record Check(String subject, String name, boolean ok, String detail) {}
