package dev.timmy.decide;

import dev.timmy.facts.WorkFacet;

/**
 * An issue is {@code work} of {@code facet} (kind bug, area ci…), by its labels or by a sure triage
 * answer ({@code source} says which): what the agents' records by kind and area of work are matched on.
 */
public record OfWork(String subject, WorkFacet facet, String work, String source) {}
