package dev.timmy.decide;

/** Inserted by Java after the first phase: the agent a subject is routed to, within capacity. */
public record Chosen(String subject, String agent, int score) {}
