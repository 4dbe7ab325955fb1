package dev.timmy.api;

/**
 * The one error body of the API. {@code code} is stable snake_case for programs
 * ({@code not_found}, {@code invalid_parameter}, {@code invalid_body}, {@code unauthorized},
 * {@code rules_invalid}, {@code no_snapshot}, {@code cycle_failed}, {@code cycle_timeout},
 * {@code stopping}, {@code method_not_allowed}, {@code internal_error}; at the edge, from Jetty:
 * {@code bad_request}, {@code uri_too_long}, {@code headers_too_large}, {@code too_large},
 * {@code http_version_not_supported}; {@code busy}, {@code duplicate_delivery}); {@code message} is for
 * people and says what was expected and what was found.
 */
public record ApiError(String code, String message) {}
