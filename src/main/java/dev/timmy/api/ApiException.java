package dev.timmy.api;

import java.util.List;

/** An HTTP error as an exception that carries its status and its {@link ApiError}. */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String code;

  public ApiException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public ApiError body() {
    return new ApiError(code, getMessage());
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, "not_found", message);
  }

  public static ApiException invalidParameter(String name, String expected, String found) {
    return new ApiException(400, "invalid_parameter", name + ": expected " + expected + ", found " + found);
  }

  static ApiException invalidBody(String message) {
    return new ApiException(400, "invalid_body", message);
  }

  public static ApiException unauthorized(String message) {
    return new ApiException(401, "unauthorized", message);
  }

  /** Rules that do not compile: one line per error, each {@code file:line: message}. */
  static ApiException rulesInvalid(String what, List<?> errors) {
    StringBuilder m = new StringBuilder(what);
    for (Object e : errors) m.append('\n').append(e);
    return new ApiException(422, "rules_invalid", m.toString());
  }

  static ApiException noSnapshot() {
    return new ApiException(409, "no_snapshot",
        "no cycle has observed the house yet: expected a snapshot, found none (POST /api/cycles runs one)");
  }
}
