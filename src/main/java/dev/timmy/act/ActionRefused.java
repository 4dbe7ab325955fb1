package dev.timmy.act;

import java.io.IOException;

/**
 * A target will not carry a proposal out: the proposal is malformed for it (a subject or parameter
 * it cannot use), its configuration does not allow it, or a condition checked on live state does
 * not hold (the head moved, the file is open, the process answers to another name). Nothing was
 * written. The executor journals it REFUSED with this message, never FAILED, so a refusal does
 * not feed the circuit breaker. An IOException so {@link Target#perform} can throw it.
 */
public final class ActionRefused extends IOException {
  public ActionRefused(String reason) {
    super(reason);
  }

  /** A refusal found by way of {@code cause} (a directory that could not be opened without following a link). */
  public ActionRefused(String reason, Throwable cause) {
    super(reason, cause);
  }
}
