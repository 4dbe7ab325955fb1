package dev.timmy.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.timmy.Json;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors — a request line it cannot parse, a URI or headers too long, a bad escape —
 * answered as the API's {@link ApiError} instead of Jetty's HTML page. Installed on the server and
 * on Javalin's servlet context, so no error of any layer escapes in another shape.
 */
final class JsonErrors extends ErrorHandler {
  private static final HttpField JSON = new HttpField(HttpHeader.CONTENT_TYPE, "application/json");

  static byte[] body(int status, String message) {
    String why = message == null || message.isBlank() ? HttpStatus.getMessage(status) : message;
    try {
      return Json.mapper().writeValueAsBytes(new ApiError(ErrorCode.atEdge(status), why));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an ApiError always serialises", e);
    }
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    response.getHeaders().put(JSON);
    response.write(true, ByteBuffer.wrap(body(code, message)), callback);
  }

  /** Errors found before there is a request to answer (the request line or headers do not parse). */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(JSON);
    return ByteBuffer.wrap(body(status, reason));
  }

  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }
}
