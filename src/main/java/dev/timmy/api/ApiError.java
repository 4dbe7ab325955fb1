package dev.timmy.api;

/**
 * The one error body of the API. {@code code} is stable snake_case for programs (an
 * {@link ErrorCode}); {@code message} is for people and says what was expected and what was found.
 */
public record ApiError(ErrorCode code, String message) {}
