package dev.timmy.api;

import dev.timmy.SnakeCase;

/**
 * The API's error codes: one stable snake_case vocabulary for programs, each with the HTTP status
 * it is answered with, listed in {@code openapi.yaml} ({@code ErrorCode}). The MCP tools answer
 * their errors in the same codes.
 */
public enum ErrorCode implements SnakeCase {
  NOT_FOUND(404),
  INVALID_PARAMETER(400),
  INVALID_BODY(400),
  UNAUTHORIZED(401),
  FORBIDDEN(403),
  RULES_INVALID(422),
  EVALUATION_FAILED(422),
  NO_SNAPSHOT(409),
  DUPLICATE_DELIVERY(409),
  CYCLE_FAILED(500),
  CYCLE_TIMEOUT(504),
  STOPPING(503),
  BUSY(429),
  INTERNAL_ERROR(500),
  // At the edge: Javalin's and Jetty's own errors, before or beside any route.
  METHOD_NOT_ALLOWED(405),
  TOO_LARGE(413),
  BAD_REQUEST(400),
  URI_TOO_LONG(414),
  HEADERS_TOO_LARGE(431),
  UNAVAILABLE(503),
  HTTP_VERSION_NOT_SUPPORTED(505);

  private final int status;

  ErrorCode(int status) {
    this.status = status;
  }

  /** The HTTP status this code is answered with. */
  public int status() {
    return status;
  }

  @Override
  public String toString() {
    return wire();
  }

  /** The code of an error Javalin or Jetty raised with only a status: any other 4xx is a bad request. */
  static ErrorCode atEdge(int status) {
    return switch (status) {
      case 404 -> NOT_FOUND;
      case 405 -> METHOD_NOT_ALLOWED;
      case 413 -> TOO_LARGE;
      case 414 -> URI_TOO_LONG;
      case 431 -> HEADERS_TOO_LARGE;
      case 429 -> BUSY;
      case 503 -> UNAVAILABLE;
      case 505 -> HTTP_VERSION_NOT_SUPPORTED;
      default -> status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
    };
  }
}
