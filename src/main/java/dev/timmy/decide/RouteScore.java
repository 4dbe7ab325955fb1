package dev.timmy.decide;

/** Points a routing rule gives an agent for a subject; an agent's score is the sum. */
public record RouteScore(String subject, String agent, int points, String reason) {}
