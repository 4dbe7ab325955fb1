package dev.timmy.facts;

import java.time.Instant;

/**
 * The last ask of {@code model} about this version of an issue went wrong ({@code reason}: a
 * timeout, a 5xx, malformed or out-of-vocabulary JSON…): it is not asked again before {@code retryAfter}.
 */
public record TriageBackoff(String subject, String model, String reason, Instant at, Instant retryAfter) {}
