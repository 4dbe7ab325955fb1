package dev.timmy;

import org.slf4j.Logger;

/**
 * A runtime exception thrown by Timmy's own code is a bug, not a failure of the world: it is
 * logged once, at ERROR with its stack trace (the log line carries the cycle id from the MDC), and
 * named by its class where it is contained — in the gap, refusal or outcome that says what could
 * not be done — so one bug does not stop the cycle and is never mistaken for an outage.
 * Failures of the world (IOException, GiteaException, the journal's) stay gaps and refusals
 * without a stack: the catch sites keep them apart.
 */
public final class Bugs {
  private Bugs() {}

  /** Logs {@code e} with its stack and returns its name for the gap or outcome: {@link #name}. */
  public static String contain(Logger log, String where, RuntimeException e) {
    String name = name(where, e);
    log.error("{}", Sanitizer.terminal(name), e);
    return name;
  }

  /** {@code bug: NullPointerException in where: message}. */
  public static String name(String where, RuntimeException e) {
    String message = e.getMessage() == null || e.getMessage().isBlank() ? "" : ": " + e.getMessage();
    return "bug: " + e.getClass().getSimpleName() + " in " + where + message;
  }
}
