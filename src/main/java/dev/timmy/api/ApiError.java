package dev.timmy.api;

/**
 * The one error body of the API. {@code code} is stable snake_case for programs
 * ({@code not_found}, {@code invalid_parameter}, {@code invalid_body}, {@code unauthorized},
 * {@code rules_invalid}, {@code no_snapshot}, {@code cycle_failed}, {@code cycle_timeout},
 * {@code stopping}, {@code method_not_allowed}, {@code internal_error}); {@code message} is for
 * people and says what was expected and what was found.
 */
public record ApiError(String code, String message) {}
