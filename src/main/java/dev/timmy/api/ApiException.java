package dev.timmy.api;

import java.util.List;

/** An HTTP error as an exception that carries its status and its {@link ApiError}. */
public final class ApiException extends RuntimeException {
  private final int status;
  private final ErrorCode code;

  /** An error answered with its code's status. */
  public ApiException(ErrorCode code, String message) {
    this(code.status(), code, message);
  }

  /** An error of the edge answered with the status Javalin or Jetty gave it. */
  ApiException(int status, ErrorCode code, String message) {
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
    return new ApiException(ErrorCode.NOT_FOUND, message);
  }

  public static ApiException invalidParameter(String name, String expected, String found) {
    return new ApiException(ErrorCode.INVALID_PARAMETER, name + ": expected " + expected + ", found " + found);
  }

  static ApiException invalidBody(String message) {
    return new ApiException(ErrorCode.INVALID_BODY, message);
  }

  public static ApiException unauthorized(String message) {
    return new ApiException(ErrorCode.UNAUTHORIZED, message);
  }

  /** Rules that do not compile: one line per error, each {@code file:line: message}. */
  static ApiException rulesInvalid(String what, List<?> errors) {
    StringBuilder m = new StringBuilder(what);
    for (Object e : errors) m.append('\n').append(e);
    return new ApiException(ErrorCode.RULES_INVALID, m.toString());
  }

  static ApiException noSnapshot() {
    return new ApiException(ErrorCode.NO_SNAPSHOT,
        "no cycle has observed the house yet: expected a snapshot, found none (POST /api/cycles runs one)");
  }
}
