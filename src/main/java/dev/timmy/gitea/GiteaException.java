package dev.timmy.gitea;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timmy.Json;
import java.io.IOException;

/**
 * A Gitea request that did not give what was asked: the request, the HTTP status (0 when no
 * response came) and Gitea's own {@code {"message": ...}} when it sent one.
 */
public final class GiteaException extends IOException {
  private final int status;
  private final String giteaMessage;

  public GiteaException(String message, int status, String giteaMessage, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.giteaMessage = giteaMessage == null ? "" : giteaMessage;
  }

  /** An error response; the message carries the request, the status and Gitea's message. */
  static GiteaException response(String request, int status, String reason, String body) {
    String gitea = messageOf(body);
    String text = request + ": " + status + (reason == null || reason.isBlank() ? "" : " " + reason)
        + (gitea.isEmpty() ? "" : ": " + gitea);
    return new GiteaException(text, status, gitea, null);
  }

  /** Gitea's {@code message} from an error body, or the start of a body that is not one. */
  static String messageOf(String body) {
    if (body == null || body.isBlank()) return "";
    try {
      JsonNode node = Json.mapper().readTree(body);
      if (node != null && node.hasNonNull("message")) return node.get("message").asText();
    } catch (IOException notJson) {
      // an HTML error page from a proxy: keep its start below
    }
    String flat = body.strip().replaceAll("\\s+", " ");
    return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
  }

  /** HTTP status of the response, 0 when none came (timeout, reset, refused). */
  public int status() {
    return status;
  }

  /** Gitea's {@code message}, empty when it sent none. */
  public String giteaMessage() {
    return giteaMessage;
  }

  public boolean notFound() {
    return status == 404;
  }
}
